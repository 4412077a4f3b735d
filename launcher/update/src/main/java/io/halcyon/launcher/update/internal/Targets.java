package io.halcyon.launcher.update.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Finds the bundle an operator means by a block name, a symbolic name or a bundle id, and names bundles back. */
final class Targets {

    private Targets() {}

    static Bundle find(BundleContext context, String target) {
        if (target.matches("\\d+")) {
            Bundle b = context.getBundle(Long.parseLong(target));
            if (b != null) {
                return b;
            }
        }
        for (Bundle b : newestFirst(context)) {
            if (target.equals(b.getSymbolicName())) {
                return b;
            }
        }
        for (ServiceReference<?> ref : blockServices(context, "(" + ContractKey.BLOCK + "=" + target + ")")) {
            if (ref.getBundle() != null && !ref.getBundle().equals(context.getBundle())) {
                return ref.getBundle();
            }
        }
        for (Bundle b : context.getBundles()) {
            if (("io.halcyon.block." + target).equals(b.getSymbolicName())) {
                return b; // a block bundle that is not running (a failed start): still a target
            }
        }
        throw new IllegalArgumentException("no block or bundle named " + target + " (blocks: " + String.join(", ", blockNames(context)) + ")");
    }

    /**
     * The installed bundles, the most recently installed first: of two versions of one symbolic name,
     * the one a swap installed last serves (the other is held for the consumers pinned to it), so a
     * lookup by name finds the serving one.
     */
    static List<Bundle> newestFirst(BundleContext context) {
        List<Bundle> bundles = new ArrayList<>(List.of(context.getBundles()));
        bundles.sort(Comparator.comparingLong(Bundle::getBundleId).reversed());
        return bundles;
    }

    /** The blocks whose drivers {@code bundle} registers now. */
    static Set<String> blocksOf(BundleContext context, Bundle bundle) {
        Set<String> names = new TreeSet<>();
        for (ServiceReference<?> ref : blockServices(context, "(" + ContractKey.BLOCK + "=*)")) {
            if (bundle.equals(ref.getBundle())) {
                names.add(String.valueOf(ref.getProperty(ContractKey.BLOCK)));
            }
        }
        return names;
    }

    /** The bundles' symbolic names, in their order. */
    static List<String> symbolicNames(Collection<Bundle> bundles) {
        List<String> names = new ArrayList<>();
        bundles.forEach(b -> names.add(b.getSymbolicName()));
        return names;
    }

    private static Set<String> blockNames(BundleContext context) {
        Set<String> names = new TreeSet<>();
        for (ServiceReference<?> ref : blockServices(context, "(" + ContractKey.BLOCK + "=*)")) {
            names.add(String.valueOf(ref.getProperty(ContractKey.BLOCK)));
        }
        return names;
    }

    private static List<ServiceReference<?>> blockServices(BundleContext context, String filter) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, filter);
            return refs == null ? List.of() : Arrays.asList(refs);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a block or bundle name: " + filter, e);
        }
    }
}
