# syntax=docker/dockerfile:1
# One image recipe for every service:
#   docker build --build-arg SERVICE=review -t cfp-flow/review-service .
# The build stage gets the whole reactor (.dockerignore leaves out build output, local data and git), so a module
# added to pom.xml is built without a change here; Maven's repository is a build cache kept between builds.
FROM eclipse-temurin:25.0.1_8-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$SERVICE" || { echo "build with --build-arg SERVICE=submission|review|schedule|notification" >&2; exit 1; }; \
    ./mvnw -B -q package -DskipTests -pl "${SERVICE}-service" -am \
    && java -Djarmode=tools -jar "${SERVICE}-service/target/${SERVICE}-service-"*-exec.jar \
       extract --layers --destination /extracted

FROM eclipse-temurin:25.0.1_8-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin cfp
WORKDIR /app
# Spring Boot's layers, the ones that change least first: a new build of the code reuses the dependencies' layer
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# A class-data archive made now, once: the context is refreshed, then the JVM exits (no broker, store or mail server
# is asked). About half the CPU of every start. The settings are placeholders for this one run only.
RUN mv *.jar app.jar \
    && CFP_ADMIN_EMAIL=build@localhost CFP_ADMIN_PASSWORD_HASH='$2a$10$xd3e3BTBMIniSQJvMT338.0wkjmn7KU5mKMVy734a28J0v9B3rikq' \
       CFP_TOKENS_CURRENT=build CFP_TOKENS_KEYS_BUILD=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= \
       java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar app.jar --server.port=0 \
       > cds-training.log 2>&1 \
    || { echo "no class-data archive (see cds-training.log): the service starts without one"; rm -f app.jsa; }
USER cfp
EXPOSE 8080
ENV PORT=8080
# readiness over plain bash (/dev/tcp): no extra package in the image
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/$PORT && printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75 $( [ -f app.jsa ] && echo -XX:SharedArchiveFile=app.jsa -Xlog:cds=off ) $JAVA_OPTS -jar app.jar \"$@\"", "--"]
