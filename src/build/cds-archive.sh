#!/usr/bin/env bash
# Records the class archive of the executable jar at package time, for the JVM that will run it:
# plans the prod stack (every component, every renderer's classes) once, so later runs map the
# classes that run loaded instead of loading, parsing and verifying them again.
# - JDK 17 to 23: a class-data sharing (AppCDS) archive, target/strata.jsa (-XX:ArchiveClassesAtExit).
# - JDK 24 and later: an ahead-of-time cache, target/strata.aot (JEP 483, https://openjdk.org/jeps/483:
#   a training run with -XX:AOTMode=record, then -XX:AOTMode=create), which also holds the classes
#   loaded and linked.
# An archive only works with the JVM that wrote it, so that JVM's home is written beside it and
# bin/strata uses the archive only under the same JVM. Maven's JVM gets one; so does the JDK given
# as AOT_JDK (mvn package -Dstrata.aotJdk=/usr/lib/jvm/...), for bin/strata under that JDK.
# usage: cds-archive.sh JAVA_HOME JAR TARGET_DIR [AOT_JDK]
set -euo pipefail
jar="$2" target="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The JDK's feature version, from its release file (a JRE image without one is treated as 17).
feature() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | grep . || echo 17
}

# The training run: a mandatory finding (1) or a policy pack that cannot run (4) is the stack's
# business, not the build's: the run loaded its classes all the same.
train() { # java_home jvm-options...
  local java_home="$1" status=0
  shift
  "$java_home/bin/java" "$@" -jar "$jar" plan --stack prod --out "$work/plan.json" >"$work/log" 2>&1 || status=$?
  case "$status" in
    0|1|4) ;;
    *) cat "$work/log" >&2; echo "cds-archive: the training run failed (exit $status)" >&2; exit "$status" ;;
  esac
}

archive() { # java_home
  local java_home="$1"
  if [ "$(feature "$java_home")" -ge 24 ]; then
    local cache="$target/strata.aot"
    rm -f "$cache" "$cache.jvm"
    # Without the flag JDK 24+ warns on stderr that protobuf uses sun.misc.Unsafe (JEP 498).
    local quiet=(-Xlog:aot=off -Xlog:cds=off --sun-misc-unsafe-memory-access=allow)
    train "$java_home" "${quiet[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$work/strata.aotconf"
    if ! "$java_home/bin/java" "${quiet[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$work/strata.aotconf" \
         -XX:AOTCache="$cache" -jar "$jar" >"$work/log" 2>&1; then
      cat "$work/log" >&2; echo "cds-archive: creating the AOT cache failed" >&2; exit 1
    fi
    echo "$java_home" > "$cache.jvm"
  else
    local archive="$target/strata.jsa"
    rm -f "$archive" "$archive.jvm"
    # -Xlog:cds=off: the dump lists every class it cannot archive (picocli's Java 5 classes, proxies).
    train "$java_home" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off
    echo "$java_home" > "$archive.jvm"
  fi
}

archive "$1"
if [ -n "${4:-}" ] && [ "$(cd "$4" && pwd -P)" != "$(cd "$1" && pwd -P)" ]; then
  if [ "$(feature "$4")" -lt 24 ]; then
    echo "cds-archive: strata.aotJdk=$4 is not a JDK 24 or later" >&2
    exit 2
  fi
  archive "$(cd "$4" && pwd -P)"
fi
