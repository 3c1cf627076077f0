/**
 * Sparse co-occurrence counts and their shifted positive PMI (SPPMI) for co-liked items, co-disliked items and
 * co-occurring users (MODELS.md §2.4, Eq. 4.2–4.3; greedy context generation and its optional cap: A-19; shift: A-20).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.marketlens.framework.cooccurrence;
