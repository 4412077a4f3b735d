package io.halcyon.hal.api.tensor;

/**
 * @param queued commands waiting in the queue
 * @param busy a command is executing
 * @param completed commands completed since reset (wrapping 32-bit counter)
 * @param error the ERROR interrupt is pending
 * @param errorCode 0 none, 1 bad opcode, 2 address out of range, 3 queue overflow, 4 HBM not ready, 5 bad dimensions
 */
public record TensorEngineStatus(int queued, boolean busy, long completed, boolean error, int errorCode) {}
