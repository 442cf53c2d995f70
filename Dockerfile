# troopwatch application image: the jar built by `mvn -B -DskipTests package` (or ./troopwatch), on a Java 17 JRE.
# Used by docker-compose.yml for the topics step and the `run` instances.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/troopwatch.jar /app/troopwatch.jar
COPY docker/cluster.properties /app/cluster.properties
ENV JAVA_OPTS="-Xmx512m"
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/troopwatch.jar \"$@\"", "troopwatch"]
CMD ["--help"]
