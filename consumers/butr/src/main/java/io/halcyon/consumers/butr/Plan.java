package io.halcyon.consumers.butr;

import java.util.List;

import io.halcyon.hal.api.butr.CheckResult;

/** The checks to run and the checks the description excludes (already results: skipped, with the reason). */
record Plan(List<Check> checks, List<CheckResult> excluded) {

    int size() {
        return checks.size() + excluded.size();
    }
}
