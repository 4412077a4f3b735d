// Telemetry, the emulation's TelemetryBehaviour on the hardware-side ports: temperatures and power follow
// the tensor engine's activity as first-order lags. The emulation evaluates them when software reads;
// hardware cannot see a read coming, so here they are published every PUBLISH_CYCLES (1 us), when a
// threshold is written and when the engine starts or stops. Values over a threshold set the sticky
// ALARM bits and raise the TELEMETRY interrupt.
#include <cmath>
#include "models.h"

namespace halcyon {

static constexpr uint64_t PUBLISH_CYCLES = 1024;
static constexpr double AMBIENT_C = 25.0, IDLE_MW = 35000, BUSY_MW = 200000;
static constexpr double BUSY_RISE_C[] = {40.0, 32.0, 24.0, 16.0};

double TelemetryModel::Lag::valueAt(uint64_t now) const {
    double target = driven ? busy : idle;
    return target + (anchorValue - target) * std::exp(-static_cast<double>(now - anchorTime) / tau);
}

void TelemetryModel::Lag::drive(uint64_t now, bool on) {
    if (on != driven) {
        anchorValue = valueAt(now);
        anchorTime = now;
        driven = on;
    }
}

TelemetryModel::TelemetryModel(Chip& chip, const std::string& instance)
    : Model(chip, instance), gate_(chip.peer<ClkrstModel>(instance).gate(instance)),
      interrupt_(chip.peer<IntcModel>(instance).line(instance)), power_{IDLE_MW, IDLE_MW, BUSY_MW, 100000},
      thresholdsWritten_{written("TEMP_THRESHOLD"), written("POWER_THRESHOLD")} {
    for (double rise : BUSY_RISE_C) temperatures_.push_back(Lag{AMBIENT_C, AMBIENT_C, AMBIENT_C + rise, 2000000});
}

void TelemetryModel::engineBusy(bool busy) {
    for (Lag& l : temperatures_) l.drive(now(), busy);
    power_.drive(now(), busy);
    publish();
}

void TelemetryModel::cycle() {
    if (now() % PUBLISH_CYCLES == 0 || thresholdsWritten_[0].get() || thresholdsWritten_[1].get()) publish();
}

void TelemetryModel::publish() {
    if (!gate_.running()) return;
    bool hot = false;
    uint64_t threshold = field("TEMP_THRESHOLD.CENTI_C").get();
    for (size_t i = 0; i < temperatures_.size(); i++) {
        double centi = std::round(temperatures_[i].valueAt(now()) * 100);
        uint64_t v = static_cast<uint64_t>(std::min(65535.0, std::max(0.0, centi)));
        field("TEMP[" + std::to_string(i) + "].CENTI_C").set(v);
        hot |= v > threshold;
    }
    uint64_t milliwatts = static_cast<uint64_t>(std::max(0.0, std::round(power_.valueAt(now()))));
    field("POWER.MILLIWATTS").set(milliwatts);
    bool raised = false;
    if (hot && field("ALARM.OVER_TEMP").get() == 0) {
        field("ALARM.OVER_TEMP").set(1);
        raised = true;
    }
    if (milliwatts > field("POWER_THRESHOLD.MILLIWATTS").get() && field("ALARM.OVER_POWER").get() == 0) {
        field("ALARM.OVER_POWER").set(1);
        raised = true;
    }
    if (raised) interrupt_.raise();
}

}  // namespace halcyon
