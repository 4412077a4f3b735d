package io.halcyon.platform.chipmodel.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.halcyon.hal.api.bus.DecodeErrorException;
import io.halcyon.hal.api.bus.RegisterBus;
import io.halcyon.platform.chipmodel.ChipCatalog;
import io.halcyon.platform.chipmodel.ChipModel;
import io.halcyon.platform.chipmodel.IdentityWord;

/**
 * The chip maps a platform knows, checked to be told apart safely: by name for a platform that makes
 * a chip of a given design (the emulation), by reading its identity fields for a platform that finds
 * a chip and must say what it is.
 *
 * <p>Identification reads every identity word of every known map, each address once, and returns the
 * one map all of whose words read their expected value. It never reads a word where a register of any
 * known map has read side effects (the constructor refuses maps that would need one), and a decode
 * error (nothing at that address on this chip) is a non-match, not a failure.
 */
public final class KnownChipMaps {

    private final List<ChipModel> maps;

    /** @throws ChipMapConflictException when two of the maps cannot be known together */
    public KnownChipMaps(Collection<ChipModel> maps) {
        this.maps = List.copyOf(maps);
        check(this.maps);
    }

    /** Every chip map of the catalogs. */
    public static KnownChipMaps of(Collection<? extends ChipCatalog> catalogs) {
        return new KnownChipMaps(catalogs.stream().flatMap(c -> c.chipMaps().stream()).toList());
    }

    public List<ChipModel> maps() {
        return maps;
    }

    /** The chip map called {@code name}; the message of the refusal lists the known ones. */
    public ChipModel named(String name) {
        return maps.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no chip map " + name + " (known: " + names() + ")"));
    }

    /**
     * Which chip map the chip behind {@code bus} is.
     *
     * @param chip the chip instance, for the message
     * @throws UnidentifiedChipException when no map, or more than one, matches what the chip reads
     */
    public ChipModel identify(RegisterBus bus, int chip) throws UnidentifiedChipException {
        Map<Long, Integer> words = new HashMap<>();
        List<ChipModel> matches = new ArrayList<>();
        for (ChipModel map : maps) {
            boolean all = !map.identity().isEmpty();
            for (IdentityWord w : map.identity()) {
                if (!words.containsKey(w.address())) {
                    words.put(w.address(), probe(bus, w.address())); // null: nothing answers there
                }
                Integer word = words.get(w.address());
                all &= word != null && w.extract(word) == w.expected();
            }
            if (all) {
                matches.add(map);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String read = "chip " + chip + ": identity " + identityRead(words);
        if (matches.isEmpty()) {
            throw new UnidentifiedChipException(read + " matches no chip map (known: " + names() + ")");
        }
        throw new UnidentifiedChipException(read + " matches several chip maps: "
                + matches.stream().map(ChipModel::name).collect(Collectors.joining(", ")));
    }

    /** The word at {@code address}, or null when nothing answers there. */
    private static Integer probe(RegisterBus bus, long address) {
        try {
            return bus.read32(address);
        } catch (DecodeErrorException e) {
            return null;
        }
    }

    /**
     * The identity words that answered, as {@code path=0x..} in map order, each place once; a path
     * that answered at more than one address (maps placing the block differently) gets its address.
     */
    private String identityRead(Map<Long, Integer> words) {
        Map<String, List<IdentityWord>> byPath = new LinkedHashMap<>();
        for (ChipModel map : maps) {
            for (IdentityWord w : map.identity()) {
                List<IdentityWord> seen = byPath.computeIfAbsent(w.path(), p -> new ArrayList<>());
                if (words.get(w.address()) != null && seen.stream().noneMatch(w::samePlace)) {
                    seen.add(w);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        byPath.forEach((path, places) -> places.forEach(w -> parts.add(path
                + (places.size() > 1 ? "@0x" + Long.toHexString(w.address()) : "")
                + "=0x" + Long.toHexString(w.extract(words.get(w.address()))))));
        return parts.isEmpty() ? "(no identity field answers)" : String.join(" ", parts);
    }

    private String names() {
        return maps.stream().map(ChipModel::name).collect(Collectors.joining(", "));
    }

    private static void check(List<ChipModel> maps) {
        for (int i = 0; i < maps.size(); i++) {
            ChipModel a = maps.get(i);
            if (a.identity().isEmpty()) {
                throw new ChipMapConflictException(a.name(), a.name(), "chip map " + a.name()
                        + " has no identity fields (fields marked halcyon_identity): no chip can be matched to it");
            }
            for (int j = 0; j < maps.size(); j++) {
                ChipModel b = maps.get(j);
                if (i < j && a.name().equals(b.name())) {
                    throw new ChipMapConflictException(a.name(), b.name(), "two chip maps are named " + a.name());
                }
                if (i < j && sameIdentity(a, b)) {
                    throw new ChipMapConflictException(a.name(), b.name(), "chip maps " + a.name() + " and " + b.name()
                            + " have the same identity (" + describe(a) + "): a chip of one reads as the other");
                }
                for (IdentityWord w : a.identity()) {
                    if (b.readHasSideEffects(w.address())) {
                        throw new ChipMapConflictException(a.name(), b.name(), "identifying a chip as " + a.name()
                                + " reads " + w.path() + " at 0x" + Long.toHexString(w.address()) + ", where a register of "
                                + b.name() + " has read side effects");
                    }
                }
            }
        }
    }

    private static boolean sameIdentity(ChipModel a, ChipModel b) {
        return a.identity().size() == b.identity().size() && a.identity().stream().allMatch(w -> b.identity().stream()
                .anyMatch(v -> v.samePlace(w) && v.expected() == w.expected()));
    }

    private static String describe(ChipModel map) {
        return map.identity().stream().map(w -> w.path() + "=0x" + Long.toHexString(w.expected()))
                .collect(Collectors.joining(" "));
    }
}
