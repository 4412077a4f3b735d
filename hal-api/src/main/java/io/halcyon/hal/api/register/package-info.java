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
 * <p>Import ranges: consumers (block bundles with generated registers) {@code [1.1,2.0)}; maps generated
 * before 1.1 still link against the 1.0 constructors.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.halcyon.hal.api.register;
