# One image recipe for every service: docker build --build-arg SERVICE=review -t cfp-flow/review-service .
FROM eclipse-temurin:21-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY cfp-events cfp-events
COPY cfp-messaging cfp-messaging
COPY cfp-platform cfp-platform
COPY cfp-test-support cfp-test-support
COPY cfp-local cfp-local
COPY submission-service submission-service
COPY review-service review-service
COPY schedule-service schedule-service
COPY notification-service notification-service
RUN ./mvnw -B -q package -DskipTests -pl ${SERVICE}-service -am

FROM eclipse-temurin:21-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 cfp
COPY --from=build /src/${SERVICE}-service/target/${SERVICE}-service-*-exec.jar /app/app.jar
USER cfp
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
