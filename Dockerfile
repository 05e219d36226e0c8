# Covalue advice service. Build:  docker build -t covalue .
# Run with the baked-in rules:    docker run -p 7070:7070 covalue
# Run with your own rules folder: docker run -p 7070:7070 -v "$PWD/rules:/app/rules:ro" covalue
#   (edits in the mounted folder are picked up live; a broken edit keeps the last good rules)
# Keep the history across containers: docker run -p 7070:7070 -v covalue-data:/app/data covalue
#   (or with PostgreSQL: docker compose up, see compose.yaml)

FROM maven:3.9-eclipse-temurin-17 AS build
# the checkout's revision for 'covalue --version': docker build --build-arg GIT_REVISION=$(git rev-parse --short HEAD) .
ARG GIT_REVISION=unknown
WORKDIR /build
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests -Dcovalue.git.revision="${GIT_REVISION}" package

FROM eclipse-temurin:17-jre
ARG GIT_REVISION=unknown
LABEL org.opencontainers.image.title="Covalue" \
      org.opencontainers.image.description="Rules-engine governance advisor for strategic outsourcing relationships" \
      org.opencontainers.image.version="0.1.0-SNAPSHOT" \
      org.opencontainers.image.revision="${GIT_REVISION}"
# curl for the HEALTHCHECK. The user gets a home of its own, and the data and compiled-rules cache
# folders are its to write: without a writable cache every start compiles the rules (5-6 s).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --create-home --home-dir /home/covalue covalue \
 && mkdir -p /app/data /app/cache \
 && chown covalue /app/data /app/cache
WORKDIR /app
COPY --from=build /build/target/covalue.jar /app/covalue.jar
COPY rules /app/rules
# A class-data sharing archive of the classes a start loads: about a third of a cold start. Recorded
# here as root, so that the service user can read it but not change it.
RUN java -XX:ArchiveClassesAtExit=/app/covalue.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
        -jar /app/covalue.jar cds-training --rules /app/rules --rule-cache off
USER covalue
ENV COVALUE_RULES=/app/rules \
    COVALUE_DATA=/app/data \
    COVALUE_RULE_CACHE=/app/cache \
    COVALUE_PORT=7070
VOLUME /app/data
EXPOSE 7070
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:7070/health/ready || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/covalue.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", "/app/covalue.jar"]
CMD ["serve"]
