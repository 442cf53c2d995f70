package dev.troopwatch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The countries of {@code bench/world.txt}, loaded strictly. */
final class World {
    static final String FILE = "bench/world.txt";

    private final List<Country> countries;

    private World(List<Country> countries) {
        this.countries = List.copyOf(countries);
    }

    static World load() {
        List<Country> countries = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (DataFileLines.Line line : DataFileLines.read(FILE)) {
            String[] f = line.text().split("\\|", -1);
            if (f.length != 6) {
                throw line.error("expected CODE|ROLE|name|demonym|capital|places");
            }
            if (!f[0].matches("[A-Z]{2}") || !codes.add(f[0])) {
                throw line.error("code must be two capital letters, each once");
            }
            if (!f[1].matches("A|H|AH")) {
                throw line.error("role must be A, H or AH");
            }
            if (f[2].isBlank() || f[3].isBlank() || f[4].isBlank()) {
                throw line.error("name, demonym and capital are required");
            }
            List<String> places = f[5].isBlank() ? List.of()
                    : Arrays.stream(f[5].split(";")).map(String::strip).toList();
            if (places.stream().anyMatch(String::isEmpty)) {
                throw line.error("empty place");
            }
            countries.add(new Country(f[0], f[1].contains("A"), f[1].contains("H"), f[2], f[3], f[4], places));
        }
        World world = new World(countries);
        if (world.actors().size() < 2 || world.hosts().isEmpty()) {
            throw new IllegalStateException(FILE + ": needs at least two actors and one host");
        }
        return world;
    }

    List<Country> all() {
        return countries;
    }

    List<Country> actors() {
        return countries.stream().filter(Country::actor).toList();
    }

    List<Country> hosts() {
        return countries.stream().filter(Country::host).toList();
    }
}
