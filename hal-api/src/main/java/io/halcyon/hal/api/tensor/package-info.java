/**
 * Block contract of the tensor engine: a queue of fp32 tensor commands on HBM (matrix multiply, element-wise operations), completion counting and busy cycles.
 *
 * <p>1.0.1: the contract declares its side-effect-free views ({@link io.halcyon.hal.api.view.View} on the
 * methods), which health gates compare between driver versions. Run-time annotations only: no signature
 * changed, so bundles built against 1.0.0 link unchanged (bnd's baseline reports the package CHANGED,
 * not MINOR); the micro bump says the contents differ.
 *
 * <p>1.1.0: {@link io.halcyon.hal.api.tensor.Opcode#MATMUL_BF16}, the bfloat16 matrix multiply of generation 2
 * (engines without it refuse it), with {@code TensorCommand.matmulBf16}.
 *
 * <p>Import ranges: consumers {@code [1.0,2.0)}, providers (the block bundle) {@code [1.1,1.2)}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.tensor;
