package org.gorchestrator.policy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * A list of path globs ({@code *} within one path segment, {@code **} across segments), as
 * {@link java.nio.file.FileSystem#getPathMatcher} reads them. Also used for image names such as
 * {@code registry.example.com/team/*}: they are slash-separated too.
 */
record Globs(String property, List<String> patterns, List<PathMatcher> matchers) {

    static Globs of(String property, List<String> patterns) {
        List<String> all = patterns == null ? List.of() : List.copyOf(patterns);
        List<PathMatcher> matchers = all.stream().map(pattern -> compile(property, pattern)).toList();
        return new Globs(property, all, matchers);
    }

    boolean matches(String text) {
        Path path;
        try {
            path = Path.of(text).normalize();
        } catch (IllegalArgumentException e) { // a NUL or such: nothing may match it
            return false;
        }
        return matchers.stream().anyMatch(matcher -> matcher.matches(path));
    }

    private static PathMatcher compile(String property, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException(property + " has an empty pattern");
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(property + " has a pattern that is not a glob: '" + pattern + "': " + e.getDescription());
        }
    }
}
