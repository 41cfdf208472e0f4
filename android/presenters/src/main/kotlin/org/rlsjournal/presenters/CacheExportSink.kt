package org.rlsjournal.presenters

import java.io.File
import java.io.IOException
import java.nio.file.FileVisitResult
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.SimpleFileVisitor
import java.nio.file.attribute.BasicFileAttributes
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * Writes exports into [cacheDir]'s `exports/` folder (Android: the app's cache, shared through
 * the FileProvider, res/xml/export_paths.xml), each in a new folder of its own: an earlier file
 * may still be read by a slow share target, so it is never replaced. Folders in `exports/` last
 * changed more than [EXPORT_KEEP_MS] before the [clock]'s now are removed; nothing outside
 * `exports/` is touched, and a link inside it is removed, never followed.
 */
class CacheExportSink(
    private val cacheDir: File,
    private val clock: () -> Long = System::currentTimeMillis,
) : ExportSink {
    override suspend fun write(fileName: String, mimeType: String, bytes: ByteArray): ExportedFile =
        withContext(Dispatchers.IO) {
            // The names are the presenters' constants; a path in one would leave exports/.
            require(fileName.isNotBlank() && File(fileName).name == fileName && fileName != "..") {
                "an export's file name must be a plain name: $fileName"
            }
            val now = clock()
            val exports = File(cacheDir, EXPORT_DIR)
            removeOlderThan(exports, now - EXPORT_KEEP_MS)
            Files.createDirectories(exports.toPath())
            // A new folder each time (unique even within one millisecond), dated by the clock so
            // that its age is measured on the same clock as the clean-up.
            val dir = Files.createTempDirectory(exports.toPath(), "$now-").toFile()
            val file = File(dir, fileName)
            file.writeBytes(bytes)
            dir.setLastModified(now)
            ExportedFile(file.path, mimeType)
        }

    /** Removes the entries of [exports] last modified before [cutoff] (no link is followed). */
    private fun removeOlderThan(exports: File, cutoff: Long) {
        val entries = exports.listFiles() ?: return
        for (entry in entries) {
            val path = entry.toPath()
            val modified = Files.getLastModifiedTime(path, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis()
            if (modified < cutoff) deleteTree(path)
        }
    }

    /** Deletes [root] and what is under it; a symbolic link is deleted itself, not followed. */
    private fun deleteTree(root: Path) {
        try {
            Files.walkFileTree(
                root,
                object : SimpleFileVisitor<Path>() {
                    override fun visitFile(file: Path, attrs: BasicFileAttributes): FileVisitResult {
                        Files.deleteIfExists(file)
                        return FileVisitResult.CONTINUE
                    }

                    override fun postVisitDirectory(dir: Path, exc: IOException?): FileVisitResult {
                        Files.deleteIfExists(dir)
                        return FileVisitResult.CONTINUE
                    }
                },
            )
        } catch (e: IOException) {
            // An old export that cannot be removed now is tried again on the next export.
        }
    }

    companion object {
        /** How long an exported file is kept for the app it was shared with (one day). */
        const val EXPORT_KEEP_MS: Long = 24L * 60 * 60 * 1000

        /** The cache folder the FileProvider shares (res/xml/export_paths.xml). */
        const val EXPORT_DIR: String = "exports"
    }
}
