/**
 * Hand-written forward passes and vector-Jacobian products of models whose SameDiff graphs are dominated by
 * SameDiff's cost per op call (issue 6: about 150 µs per native op call, 89 calls per SDP step and 353 per 3-hop SDM
 * step, against microseconds of arithmetic). A model's SameDiff graph stays its definition and the reference its
 * kernel is tested against (values and gradients); the kernel is the fast path the trainer takes with losses that
 * can differentiate scores directly (BPR).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.marketlens.framework.nn.kernel;
