package org.marketlens.framework.preprocess;

/**
 * One basket-task training instance {@code <c, v>} (MODELS.md §4.1): target item {@code target} of basket
 * {@code group} of {@code user}, with context {@code context} = the other items of the same basket.
 *
 * @param user    user index
 * @param group   basket (transaction) id
 * @param target  the target item
 * @param context the other items of the basket, in stored order
 */
public record BasketInstance(int user, int group, int target, int[] context) {
}
