/**
 * Recommenders and the services that create them (MODELS.md §0.2: higher score = more relevant).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.marketlens.api.rec;
