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
        assertThat(String.join("\n", lines)).containsPattern("ENTRYPOINT \\[\"java\", .*\"-jar\", \"/app/" + m.group(1) + "\"\\]");
    }

    @Test
    void it_serves_on_7070_as_a_non_root_user_with_a_readiness_healthcheck() {
        String all = String.join("\n", lines);
        assertThat(all).contains("EXPOSE 7070").contains("CMD [\"serve\"]").contains("/health/ready");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("USER (?!root)\\w+"));
        assertThat(all).contains("FROM maven:3.9-eclipse-temurin-17 AS build").contains("FROM eclipse-temurin:17-jre");
    }

    @Test
    void the_service_user_can_write_its_home_data_and_rule_cache() {
        String all = String.join("\n", lines);
        assertThat(all).contains("useradd --system --uid 10001 --create-home --home-dir /home/covalue covalue");
        Matcher cache = Pattern.compile("COVALUE_RULE_CACHE=(\\S+)").matcher(all);
        assertThat(cache.find()).as("the rule cache is set to a folder").isTrue();
        assertThat(all).contains("mkdir -p /app/data " + cache.group(1)).contains("chown covalue /app/data " + cache.group(1));
        assertThat(all.indexOf("chown covalue")).isLessThan(all.indexOf("USER covalue"));
    }

    @Test
    void the_image_has_a_class_data_sharing_archive_that_its_entrypoint_uses() {
        String all = String.join("\n", lines);
        assertThat(all).contains("-XX:ArchiveClassesAtExit=/app/covalue.jsa").contains("cds-training --rules /app/rules");
        assertThat(lines.stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow())
                .contains("\"-XX:SharedArchiveFile=/app/covalue.jsa\"");
        assertThat(TestSupport.read(Path.of("src/main/java/com/covalue/cli/CdsTrainingCommand.java")))
                .contains("name = \"cds-training\"");
    }

    @Test
    void the_image_is_labelled_and_never_gets_the_local_history() {
        String all = String.join("\n", lines);
        for (String label : List.of("title", "description", "version", "revision")) {
            assertThat(all).contains("org.opencontainers.image." + label + "=");
        }
        assertThat(TestSupport.read(Path.of(".dockerignore")).lines()).contains("data/", "target/");
    }

    @Test
    void compose_runs_the_image_against_postgresql_with_the_variables_serve_reads() {
        String compose = TestSupport.read(Path.of("compose.yaml"));
        assertThat(compose).contains("image: postgres:").contains("COVALUE_DB_URL: jdbc:postgresql://db:5432/covalue")
                .contains("pg_isready").contains("condition: service_healthy");
        String serve = TestSupport.read(Path.of("src/main/java/com/covalue/cli/StoreOptions.java"));
        Matcher vars = Pattern.compile("(COVALUE_[A-Z_]+):").matcher(compose);
        while (vars.find()) {
            assertThat(serve).as("serve reads " + vars.group(1)).contains("env:" + vars.group(1));
        }
    }
}
