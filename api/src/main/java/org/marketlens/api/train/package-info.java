/**
 * Training-time plugins that do not depend on a numeric library: negative samplers
 * (MODELS.md §3.7, §4.8, §2.8; ambiguity A-5).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.marketlens.api.train;
