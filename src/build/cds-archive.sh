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
# A mandatory finding (1) or a policy pack that cannot run (4) is the stack's business, not the
# build's: the run loaded its classes all the same.
status=0
"$java_home/bin/java" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$jar" plan --stack prod --out "$plan" || status=$?
case "$status" in
  0|1|4) echo "$java_home" > "$archive.jvm" ;;
  *) echo "cds-archive: the training run failed (exit $status)" >&2; exit "$status" ;;
esac
