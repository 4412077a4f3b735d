package io.halcyon.launcher.update.internal;

import java.util.Arrays;
import java.util.List;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Which stable service a driver service stands behind: the same contract interfaces for the same
 * block of the same chip. Two versions of a driver have the same key; that is what lets the new
 * one take over the old one's proxy.
 */
record ContractKey(Object chip, String block, List<String> interfaces) {

    static final String BLOCK = "halcyon.block";
    static final String CHIP = "halcyon.chip";

    static ContractKey of(ServiceReference<?> ref) {
        String[] classes = ((String[]) ref.getProperty(Constants.OBJECTCLASS)).clone();
        Arrays.sort(classes);
        return new ContractKey(ref.getProperty(CHIP), String.valueOf(ref.getProperty(BLOCK)), List.of(classes));
    }

    @Override
    public String toString() {
        List<String> simpleNames = interfaces.stream().map(i -> i.substring(i.lastIndexOf('.') + 1)).toList();
        return block + " " + String.join(",", simpleNames) + " of chip " + chip;
    }
}
