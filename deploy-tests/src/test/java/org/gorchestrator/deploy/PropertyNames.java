package org.gorchestrator.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every property a Gorchestrator process reads: {@code gorch.*} from the modules'
 * {@code @ConfigurationProperties} records (their components, nested records within), the rest from
 * the property metadata Spring Boot's jars carry. A setting given as an environment variable is real
 * when it names one of them, or an entry of a map property ({@code SPRING_KAFKA_PROPERTIES_*}).
 */
final class PropertyNames {
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private final Set<String> properties = new HashSet<>();
    private final Set<String> maps = new HashSet<>();

    static PropertyNames load() {
        PropertyNames names = new PropertyNames();
        names.addGorchestrator();
        names.addSpringBoot();
        return names;
    }

    /** Whether the environment variable (SPRING_KAFKA_BOOTSTRAP_SERVERS) sets a property. */
    boolean isProperty(String environmentVariable) {
        String name = uniform(environmentVariable);
        return properties.contains(name) || maps.stream().anyMatch(map -> name.startsWith(map) && name.length() > map.length());
    }

    /**
     * Environment variables bind to a property when they match it with every separator dropped and
     * letters in one case (Spring's relaxed binding): GORCH_WORKER_SHUTDOWN_GRACE is gorch.worker.shutdown-grace.
     */
    static String uniform(String name) {
        return name.replaceAll("[._\\-\\[\\]]", "").toUpperCase(Locale.ROOT);
    }

    private void addGorchestrator() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition found : scanner.findCandidateComponents("org.gorchestrator")) {
            Class<?> type = ClassUtils.resolveClassName(found.getBeanClassName(), getClass().getClassLoader());
            addRecord(MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("prefix"), type);
        }
        if (properties.isEmpty()) {
            throw new IllegalStateException("no @ConfigurationProperties found under org.gorchestrator: is the classpath complete?");
        }
    }

    private void addRecord(String prefix, Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " is not a record: teach PropertyNames its properties");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + component.getName();
            Class<?> value = component.getType();
            if (Map.class.isAssignableFrom(value)) {
                maps.add(uniform(name));
            } else if (value.isRecord() && value.getPackageName().startsWith("org.gorchestrator")) {
                addRecord(name, value);
            } else {
                properties.add(uniform(name));
            }
        }
    }

    private void addSpringBoot() {
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL metadata : Collections.list(getClass().getClassLoader().getResources(METADATA))) {
                try (InputStream in = metadata.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = uniform(property.path("name").asString());
                        (property.path("type").asString("").startsWith("java.util.Map") ? maps : properties).add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
