# Covalue advice service. Build:  docker build -t covalue .
# Run with the baked-in rules:    docker run -p 7070:7070 covalue
# Run with your own rules folder: docker run -p 7070:7070 -v "$PWD/rules:/app/rules:ro" covalue
#   (edits in the mounted folder are picked up live; a broken edit keeps the last good rules)
# Keep the history across containers: docker run -p 7070:7070 -v covalue-data:/app/data covalue
#   (or -e COVALUE_DB_URL=jdbc:postgresql://db:5432/covalue -e COVALUE_DB_USER=... -e COVALUE_DB_PASSWORD=...)

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app covalue \
 && mkdir -p /app/data && chown covalue /app/data
WORKDIR /app
COPY --from=build /build/target/covalue.jar /app/covalue.jar
COPY rules /app/rules
USER covalue
ENV COVALUE_RULES=/app/rules \
    COVALUE_DATA=/app/data \
    COVALUE_PORT=7070
VOLUME /app/data
EXPOSE 7070
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:7070/health/ready || exit 1
ENTRYPOINT ["java", "-jar", "/app/covalue.jar"]
CMD ["serve"]
