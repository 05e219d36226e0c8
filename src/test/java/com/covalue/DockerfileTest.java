package com.covalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Docker cannot run on the build machines, so this checks that what the Dockerfile copies and runs
 * exists in the project and its build.
 */
class DockerfileTest {

    private final List<String> lines = TestSupport.read(Path.of("Dockerfile")).lines().map(String::strip).toList();

    @Test
    void every_file_copied_from_the_project_exists() {
        List<String> copies = lines.stream().filter(l -> l.startsWith("COPY ") && !l.contains("--from")).toList();
        assertThat(copies).isNotEmpty();
        for (String copy : copies) {
            String[] parts = copy.split("\\s+");
            for (int i = 1; i < parts.length - 1; i++) {
                assertThat(Path.of(parts[i])).as(copy).exists();
            }
        }
    }

    @Test
    void the_jar_it_runs_is_the_one_the_build_makes() {
        String fromBuild = lines.stream().filter(l -> l.startsWith("COPY --from=build")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("/target/([\\w.-]+\\.jar)").matcher(fromBuild);
        assertThat(m.find()).isTrue();
        String pom = TestSupport.read(Path.of("pom.xml"));
        assertThat(pom).contains("<finalName>" + m.group(1).replace(".jar", "") + "</finalName>")
                .contains("maven-shade-plugin").contains("ServicesResourceTransformer");
        assertThat(String.join("\n", lines)).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/" + m.group(1) + "\"]");
    }

    @Test
    void it_serves_on_7070_as_a_non_root_user_with_a_readiness_healthcheck() {
        String all = String.join("\n", lines);
        assertThat(all).contains("EXPOSE 7070").contains("CMD [\"serve\"]").contains("/health/ready");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("USER (?!root)\\w+"));
        assertThat(all).contains("FROM maven:3.9-eclipse-temurin-17 AS build").contains("FROM eclipse-temurin:17-jre");
    }
}
