# One multi-stage image recipe for the three services: docker compose passes SERVICE
# (catalog-service, songs-service or gateway). Maven builds inside; a slim JRE runs as a non-root user.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Poms first, so the dependency download is cached while only sources change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY common/pom.xml common/
COPY test-support/pom.xml test-support/
COPY catalog-service/pom.xml catalog-service/
COPY songs-service/pom.xml songs-service/
COPY gateway/pom.xml gateway/
COPY e2e/pom.xml e2e/
COPY deploy/pom.xml deploy/
ARG SERVICE
RUN ./mvnw -B -q -pl ${SERVICE} -am dependency:resolve -Dmaven.test.skip=true || true
COPY . .
RUN ./mvnw -B -q -pl ${SERVICE} -am package -Dmaven.test.skip=true

FROM eclipse-temurin:17-jre-alpine
ARG SERVICE
RUN addgroup -S setsunai && adduser -S -G setsunai -u 10001 setsunai
WORKDIR /app
COPY --from=build --chown=10001:10001 /src/${SERVICE}/target/quarkus-app/ ./
COPY --chown=10001:10001 jvm.options ./
USER 10001
# An AppCDS archive of the classes loaded while starting, made by this image's own JVM (an archive only works
# with the JVM that wrote it): Quarkus stops right after its static initialisation, so no database is needed.
RUN java @jvm.options -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true -jar quarkus-run.jar
# (No MALLOC_ARENA_MAX here as in run.sh: Alpine's musl malloc has no per-thread arenas to limit.)
ENV JAVA_OPTS="-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
EXPOSE 8080 8081 8082
ENTRYPOINT ["sh", "-c", "exec java @jvm.options $JAVA_OPTS -jar quarkus-run.jar"]
