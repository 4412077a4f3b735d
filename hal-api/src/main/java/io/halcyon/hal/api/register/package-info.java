/**
 * Runtime types shared by the register code that the build generates from each block's SystemRDL
 * description: the marker interface of register values, the error raised when a value does not fit
 * its field, and plain value records that carry a generated register map as {@link
 * io.halcyon.hal.api.regmap.RegisterInfo}/{@link io.halcyon.hal.api.regmap.FieldInfo}.
 *
 * <p>Generated code lives in a private package of each block bundle and is the only intended user.
 *
 * <p>1.1: the records carry the description's test metadata and memories; the 1.0 constructors remain.
 *
 * <p>1.2: typed conditions on fields ({@link io.halcyon.hal.api.register.RegisterField},
 * {@link io.halcyon.hal.api.register.FieldCondition}) that generated accessors wait on, typed batched
 * reads ({@link io.halcyon.hal.api.register.RegisterBatch}), and {@link io.halcyon.hal.api.register.Encoding}
 * for the generated enums of encoded fields.
 *
 * <p>Import ranges: consumers (block bundles with generated registers) {@code [1.2,2.0)}; maps generated
 * before 1.1 still link against the 1.0 constructors.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.register;
