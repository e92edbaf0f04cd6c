package io.astrocyte.lifecycle;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fail-closed containment for export and import paths (SPEC §1.8): a path must lie under one of the
 * allowed roots (given, or {@code ASTROCYTE_PORTABILITY_ROOTS}, a path-separator list) after symbolic
 * links are resolved, unless the request allows uncontained paths. Control characters are always refused.
 */
public final class PortabilityPaths {

    /** The environment variable that lists default roots. */
    public static final String ROOTS_VARIABLE = "ASTROCYTE_PORTABILITY_ROOTS";

    private final Function<String, String> environment;

    public PortabilityPaths(Function<String, String> environment) {
        this.environment = environment;
    }

    /** Returns the absolute, normalized path when it may be used; throws {@link PathNotAllowedException} otherwise. */
    public Path check(Path path, List<Path> allowedRoots, boolean allowUncontained) {
        String text = path.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new PathNotAllowedException("the path contains a control character");
            }
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (allowUncontained) {
            return absolute;
        }
        List<Path> roots = new ArrayList<>(allowedRoots);
        if (roots.isEmpty()) {
            String configured = environment.apply(ROOTS_VARIABLE);
            if (configured != null) {
                for (String r : configured.split(File.pathSeparator)) {
                    if (!r.isBlank()) {
                        roots.add(Path.of(r.strip()));
                    }
                }
            }
        }
        if (roots.isEmpty()) {
            throw new PathNotAllowedException("no allowed roots: pass allowed_roots, set " + ROOTS_VARIABLE
                    + ", or allow uncontained paths explicitly");
        }
        Path real = realOfDeepestExisting(absolute);
        for (Path root : roots) {
            Path realRoot = realOfDeepestExisting(root.toAbsolutePath().normalize());
            if (real.startsWith(realRoot) && !real.equals(realRoot)) {
                return absolute;
            }
        }
        throw new PathNotAllowedException(absolute + " is not under an allowed root " + roots);
    }

    /** The real path of the nearest existing ancestor, with the rest appended: symlinks cannot lead out. */
    private static Path realOfDeepestExisting(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest).normalize();
        } catch (IOException e) {
            return p;
        }
    }
}
