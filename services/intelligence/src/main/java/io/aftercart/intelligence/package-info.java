/** Intelligence: churn and lifetime-value predictions, sentiment of customer texts, product recommendations. */
package io.aftercart.intelligence;
