package dev.strata.testing;

import dev.strata.App;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The classes the library compiles (its class directory, not the tests'), found rather than listed by hand. */
public final class LibraryClasses {
    private LibraryClasses() {
    }

    /** Every public, concrete class of the library that is a {@code type}, by name. */
    public static <T> List<Class<? extends T>> concrete(Class<T> type) {
        try {
            Path classes = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(classes.resolve("dev/strata"))) {
                return files.map(file -> classes.relativize(file).toString())
                        .filter(name -> name.endsWith(".class"))
                        .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                        .map(LibraryClasses::load)
                        .filter(c -> type.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers()))
                        .<Class<? extends T>>map(c -> c.asSubclass(type))
                        .sorted(Comparator.comparing(Class::getName))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, LibraryClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
