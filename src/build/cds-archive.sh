#!/usr/bin/env bash
# Records the class-data sharing (AppCDS) archive of the executable jar at package time: runs the
# plan of the prod stack (every component, every renderer's classes) once with
# -XX:ArchiveClassesAtExit, so later runs map the classes it loaded instead of loading, parsing and
# verifying them again. An archive only works with the JVM that wrote it, so that JVM's home is
# written beside it and bin/strata uses the archive only under the same JVM.
# usage: cds-archive.sh JAVA_HOME JAR ARCHIVE
set -euo pipefail
java_home="$1" jar="$2" archive="$3"
rm -f "$archive" "$archive.jvm"
plan="$(mktemp)"
trap 'rm -f "$plan"' EXIT
# -Xlog:cds=off: the dump lists every class it cannot archive (picocli's Java 5 classes, proxies).
"$java_home/bin/java" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$jar" plan --stack prod --out "$plan"
echo "$java_home" > "$archive.jvm"
