// The tensor engine, the emulation's TensorBehaviour on the hardware-side ports: SUBMIT.GO (block
// running) queues the staged CMD_* registers, up to 16; queued commands run one at a time on HBM, each
// taking the cycles TensorCommand.nanos() gives, and C is written when one completes. The kernels are
// TensorKernels.java's loops in the same order, accumulating in float; built without fast-math and
// with -ffp-contract=off (no fused multiply-add), so the results are the emulation's bit for bit.
// MATMUL_BF16 (decoded only where the per-chip FEATURES.BF16_MATMUL reads 1: generation 2) reads bfloat16
// A and B, widens them to fp32 exactly, and runs MATMUL's loop: a product of two bfloat16 values is exact
// in fp32, so the sums round as MATMUL's and as the emulation's.
#include <cstring>
#include <vector>
#include "models.h"

namespace halcyon {

namespace {
enum Op { NOP, MATMUL, ADD, SUB, MUL, SCALE, RELU, RELU_GRAD, ADD_ROW, SUM_ROWS, AXPY, MATMUL_BF16 };

std::vector<float> matmul(const std::vector<float>& a, const std::vector<float>& b, int m, int n, int k, bool transA, bool transB) {
    std::vector<float> c(static_cast<size_t>(m) * n);
    for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
            float sum = 0.0f;
            for (int p = 0; p < k; p++) {
                float x = transA ? a[p * m + i] : a[i * k + p];
                float y = transB ? b[j * k + p] : b[p * n + j];
                sum += x * y;
            }
            c[i * n + j] = sum;
        }
    }
    return c;
}

std::vector<float> elementWise(int op, const std::vector<float>& a, const std::vector<float>& b, int m, int n, float scalar) {
    std::vector<float> c(op == SUM_ROWS ? n : a.size());
    switch (op) {
        case ADD: for (size_t i = 0; i < a.size(); i++) c[i] = a[i] + b[i]; break;
        case SUB: for (size_t i = 0; i < a.size(); i++) c[i] = a[i] - b[i]; break;
        case MUL: for (size_t i = 0; i < a.size(); i++) c[i] = a[i] * b[i]; break;
        case SCALE: for (size_t i = 0; i < a.size(); i++) c[i] = scalar * a[i]; break;
        case RELU: for (size_t i = 0; i < a.size(); i++) c[i] = a[i] > 0.0f ? a[i] : 0.0f; break;
        case RELU_GRAD: for (size_t i = 0; i < a.size(); i++) c[i] = b[i] > 0.0f ? a[i] : 0.0f; break;
        case AXPY: for (size_t i = 0; i < a.size(); i++) c[i] = scalar * a[i] + b[i]; break;
        case ADD_ROW:
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) c[i * n + j] = a[i * n + j] + b[j];
            break;
        case SUM_ROWS:
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) c[j] += a[i * n + j];
            break;
        default: break;
    }
    return c;
}

// An operand of `elements` values from device memory: fp32, or bfloat16 (2 bytes, little-endian: the upper
// half of an fp32) widened to fp32 exactly, as the emulation's DeviceMemory.readBf16.
std::vector<float> operand(DeviceMemory& memory, uint64_t address, uint64_t elements, uint64_t bytesPerElement) {
    std::vector<float> values(elements);
    if (bytesPerElement == 4) {
        std::memcpy(values.data(), memory.at(address), elements * 4);
        return values;
    }
    const uint8_t* bf16 = memory.at(address);
    for (uint64_t i = 0; i < elements; i++) {
        uint32_t bits = static_cast<uint32_t>(bf16[2 * i] | bf16[2 * i + 1] << 8) << 16;
        std::memcpy(&values[i], &bits, 4);
    }
    return values;
}
}  // namespace

bool TensorModel::Command::multipliesMatrices() const { return opcode == MATMUL || opcode == MATMUL_BF16; }

uint64_t TensorModel::Command::operandBytes() const { return opcode == MATMUL_BF16 ? 2 : 4; }

uint64_t TensorModel::Command::aElements() const { return opcode == NOP ? 0 : multipliesMatrices() ? uint64_t(m) * k : uint64_t(m) * n; }

uint64_t TensorModel::Command::bElements() const {
    if (multipliesMatrices()) return uint64_t(k) * n;
    switch (opcode) {
        case ADD: case SUB: case MUL: case RELU_GRAD: case AXPY: return uint64_t(m) * n;
        case ADD_ROW: return n;
        default: return 0;
    }
}

uint64_t TensorModel::Command::cElements() const { return opcode == NOP ? 0 : opcode == SUM_ROWS ? n : uint64_t(m) * n; }

uint64_t TensorModel::Command::cycles() const {
    uint64_t work = opcode == NOP ? 0 : multipliesMatrices() ? uint64_t(m) * n * k / 1024 : uint64_t(m) * n / 64;
    return work + COMMAND_OVERHEAD;
}

TensorModel::TensorModel(Chip& chip, const std::string& instance)
    : Model(chip, instance), gate_(chip.peer<ClkrstModel>(instance).gate(instance)),
      interrupt_(chip.peer<IntcModel>(instance).line(instance)), hbm_(chip.peer<HbmModel>(instance)), telemetry_(nullptr),
      submitted_(written("SUBMIT")), go_(field("SUBMIT.GO")), bf16_(field("FEATURES.BF16_MATMUL")) {
    try {
        telemetry_ = &chip.peer<TelemetryModel>(instance);
    } catch (const std::runtime_error&) {
        telemetry_ = nullptr;  // a chip without telemetry: nobody follows the engine's heat
    }
}

void TensorModel::resetBehaviour() {
    queue_.clear();
    setBusy(false);
}

void TensorModel::cycle() {
    if (!submitted_.get() || go_.get() == 0 || !gate_.running()) return;
    if (queue_.size() == QUEUE_ENTRIES) {
        fail(code("ERR_CODE.CODE", "QUEUE_OVERFLOW"));
        return;
    }
    queue_.push_back(staged());
    startNext();
    showQueue();
}

TensorModel::Command TensorModel::staged() {
    uint32_t scalarBits = static_cast<uint32_t>(field("CMD_SCALAR.VALUE").get());
    float scalar;
    std::memcpy(&scalar, &scalarBits, 4);
    return Command{static_cast<int>(field("CMD_OP.OPCODE").get()), field("CMD_OP.TRANS_A").get() == 1,
                   field("CMD_OP.TRANS_B").get() == 1, field("CMD_A.ADDR").get(), field("CMD_B.ADDR").get(),
                   field("CMD_C.ADDR").get(), static_cast<int>(field("CMD_DIMS.M").get()), static_cast<int>(field("CMD_DIMS.N").get()),
                   static_cast<int>(field("CMD_K.K").get()), scalar};
}

void TensorModel::startNext() {
    while (!busy_ && !queue_.empty()) {
        Command c = queue_.front();
        queue_.pop_front();
        uint64_t problem = check(c);
        if (problem != 0) {
            fail(problem);
            continue;
        }
        setBusy(true);
        after(c.cycles(), [this, c]() { complete(c); });
    }
}

void TensorModel::complete(const Command& c) {
    execute(c);
    field("CYCLES.CYCLES").increment(c.cycles());  // the engine clock is the chip clock: one cycle per nanosecond
    field("DONE_COUNT.COUNT").increment(1);
    field("INT_STATUS.DONE").set(1);
    interrupt_.raise();
    setBusy(false);
    startNext();
    showQueue();
}

uint64_t TensorModel::check(const Command& c) {
    if (c.opcode < NOP || c.opcode > MATMUL_BF16 || (c.opcode == MATMUL_BF16 && bf16_.get() == 0)) return code("ERR_CODE.CODE", "BAD_OPCODE");
    if (c.opcode != NOP && !(c.m > 0 && c.n > 0 && (!c.multipliesMatrices() || c.k > 0))) return code("ERR_CODE.CODE", "BAD_DIMENSIONS");
    if (c.opcode == NOP) return 0;
    if (!hbm_.ready()) return code("ERR_CODE.CODE", "HBM_NOT_READY");
    bool inRange = fits(c.a, c.aElements() * c.operandBytes()) && fits(c.b, c.bElements() * c.operandBytes()) && fits(c.c, c.cElements() * 4);
    return inRange ? 0 : code("ERR_CODE.CODE", "ADDRESS_RANGE");
}

bool TensorModel::fits(uint64_t address, uint64_t bytes) {
    return bytes == 0 || (address % 4 == 0 && hbm_.memory().contains(address, bytes));
}

void TensorModel::execute(const Command& c) {
    if (c.opcode == NOP) return;
    DeviceMemory& memory = hbm_.memory();
    // Operands are read whole before C is written, so C may alias A or B.
    std::vector<float> a = operand(memory, c.a, c.aElements(), c.operandBytes());
    std::vector<float> b = operand(memory, c.b, c.bElements(), c.operandBytes());
    std::vector<float> result = c.multipliesMatrices() ? matmul(a, b, c.m, c.n, c.k, c.transA, c.transB)
                                                   : elementWise(c.opcode, a, b, c.m, c.n, c.scalar);
    std::memcpy(memory.at(c.c), result.data(), result.size() * 4);
}

void TensorModel::fail(uint64_t problem) {
    field("ERR_CODE.CODE").set(problem);
    field("INT_STATUS.ERROR").set(1);
    interrupt_.raise();
}

void TensorModel::setBusy(bool busy) {
    if (busy_ != busy) {
        busy_ = busy;
        if (telemetry_ != nullptr) telemetry_->engineBusy(busy);
    }
    field("QUEUE_STATUS.BUSY").set(busy ? 1 : 0);
}

void TensorModel::showQueue() {
    field("QUEUE_STATUS.DEPTH").set(queue_.size());
    field("QUEUE_STATUS.FULL").set(queue_.size() == QUEUE_ENTRIES ? 1 : 0);
}

}  // namespace halcyon
