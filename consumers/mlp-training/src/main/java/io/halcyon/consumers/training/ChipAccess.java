package io.halcyon.consumers.training;

import io.halcyon.hal.api.dma.DmaEngine;
import io.halcyon.hal.api.hbm.HbmController;
import io.halcyon.hal.api.hostmem.HostMemory;
import io.halcyon.hal.api.tensor.TensorEngine;

/**
 * The services a run uses, asked for at every call rather than held for the run: a driver replaced
 * while a run is in progress is used from its next call on (the drivers are stateless, and tickets
 * and ring positions live in the hardware).
 */
interface ChipAccess {
    DmaEngine dma();

    TensorEngine tensor();

    HostMemory hostMemory();

    HbmController hbm();
}
