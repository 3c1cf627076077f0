/**
 * Alternating least squares for the RME family (MODELS.md §2.3, §2.5–2.7: Eq. 4.1, 4.4–4.8, Algorithm 1): a
 * batched ridge solver (many k × k normal equations, Gram parts accumulated by a register-blocked Java kernel and
 * solved by Cholesky; a term with one weight for every entry stores no per-entry weights), the
 * joint WMF + SPPMI factorization with switchable terms (WMF, Cofactor, U_RME, I_RME, RME), the training loop with
 * validation early stopping, and the dot-product model it returns. Weights l, φ, w and their defaults;
 * bias typos: A-24.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.marketlens.framework.als;
