# syntax=docker/dockerfile:1
# One image for every environment: `docker build -t chorus .` (or `docker compose build`).
# Stage 1 builds target/chorus.jar and target/lib/ with the Maven wrapper; stage 2 runs them on a
# JRE alone, as an ordinary user. Settings are environment variables (README, "Settings").

FROM eclipse-temurin:21-jdk AS build
WORKDIR /build
# The wrapper and the pom first, so the downloaded Maven and libraries stay cached in their own
# layer (and in the BuildKit cache) until the pom changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:resolve
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -Dmaven.test.skip=true package

FROM eclipse-temurin:21-jre
# A system user with no shell and no password; PostgreSQL (if ever embedded) also refuses root.
RUN groupadd --system chorus \
 && useradd --system --gid chorus --home-dir /app --no-create-home --shell /usr/sbin/nologin chorus \
 && mkdir -p /app /data \
 && chown chorus:chorus /data
WORKDIR /app
# Libraries change less often than our own classes: their own layer.
COPY --from=build /build/target/lib/ lib/
COPY --from=build /build/target/chorus.jar chorus.jar
# The shipped survey definitions; mount a volume here to keep staff edits (compose does).
COPY --chown=chorus:chorus surveys/ surveys/
# The sentence-embedding tokenizer unpacks its native library into DJL's cache: the home
# directory (/app) is not writable by chorus, so the cache lives on the data volume.
ENV PORT=8080 \
    CHORUS_DATA_DIR=/data \
    CHORUS_SURVEYS_DIR=/app/surveys \
    DJL_CACHE_DIR=/data/djl
USER chorus
EXPOSE 8080
VOLUME ["/data"]
# Ready = database answering, migrations done, search index caught up (see README, "Operations").
# No curl in the JRE image is relied on: bash's /dev/tcp asks the readiness endpoint.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf 'GET /health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
# exec form: java is PID 1 and gets SIGTERM from `docker stop`, so the graceful stop runs.
# The heap follows the container's memory limit; an OutOfMemoryError ends the process so the
# platform restarts it (nothing acknowledged is lost). Add flags with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED", \
            "-jar", "/app/chorus.jar"]
