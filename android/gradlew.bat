@rem Gradle wrapper launcher for the RLS Journal Android build (Windows).
@rem Written by hand like ./gradlew: run "gradle wrapper --gradle-version 8.11.1" once in android\ to get
@rem the official scripts and gradle\wrapper\gradle-wrapper.jar (see docs/apps.md).
@if "%DEBUG%"=="" @echo off
setlocal
set APP_HOME=%~dp0
set WRAPPER_JAR=%APP_HOME%gradle\wrapper\gradle-wrapper.jar
if exist "%WRAPPER_JAR%" goto findJava
echo gradlew: %WRAPPER_JAR% is missing. 1>&2
echo gradlew: run "gradle wrapper --gradle-version 8.11.1" once in %APP_HOME% (see docs/apps.md). 1>&2
exit /b 1
:findJava
set JAVA_EXE=java.exe
if defined JAVA_HOME set JAVA_EXE=%JAVA_HOME%\bin\java.exe
"%JAVA_EXE%" -Xmx64m -Xms64m %JAVA_OPTS% %GRADLE_OPTS% "-Dorg.gradle.appname=gradlew" -classpath "%WRAPPER_JAR%" org.gradle.wrapper.GradleWrapperMain %*
exit /b %ERRORLEVEL%
