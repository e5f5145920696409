package io.aftercart.intelligence.churn.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Customers grouped by identical (x, tx, T), with indexes into the distinct values of x, tx and T. The BG/NBD
 * likelihood and scores depend on nothing else, and real data (whole days) repeat these triples a lot, so work is
 * done once per group and per distinct value instead of once per customer.
 */
public final class CustomerGroups {

    private record Triple(int x, double tx, double age) {
    }

    final int[] x;
    final double[] tx;
    final double[] age;
    final int[] count;
    final int[] xIndex;
    final int[] txIndex;
    final int[] ageIndex;
    final int[] distinctX;
    final double[] distinctTx;
    final double[] distinctAge;
    /** For each customer of the input, the group it belongs to. */
    final int[] groupOfCustomer;

    private CustomerGroups(int groups, int customers) {
        x = new int[groups];
        tx = new double[groups];
        age = new double[groups];
        count = new int[groups];
        xIndex = new int[groups];
        txIndex = new int[groups];
        ageIndex = new int[groups];
        groupOfCustomer = new int[customers];
        distinctX = null;
        distinctTx = null;
        distinctAge = null;
    }

    private CustomerGroups(CustomerGroups groups, int[] distinctX, double[] distinctTx, double[] distinctAge) {
        x = groups.x;
        tx = groups.tx;
        age = groups.age;
        count = groups.count;
        xIndex = groups.xIndex;
        txIndex = groups.txIndex;
        ageIndex = groups.ageIndex;
        groupOfCustomer = groups.groupOfCustomer;
        this.distinctX = distinctX;
        this.distinctTx = distinctTx;
        this.distinctAge = distinctAge;
    }

    /** Groups customers given as parallel arrays (x repeat purchases, tx recency, T age; same time unit). */
    public static CustomerGroups of(int[] x, double[] tx, double[] age) {
        Map<Triple, Integer> groupIds = new HashMap<>();
        int[] groupOf = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            Integer id = groupIds.putIfAbsent(new Triple(x[i], x[i] == 0 ? 0 : tx[i], age[i]), groupIds.size());
            groupOf[i] = id == null ? groupIds.size() - 1 : id;
        }
        CustomerGroups groups = new CustomerGroups(groupIds.size(), x.length);
        System.arraycopy(groupOf, 0, groups.groupOfCustomer, 0, x.length);
        groupIds.forEach((triple, id) -> {
            groups.x[id] = triple.x();
            groups.tx[id] = triple.tx();
            groups.age[id] = triple.age();
        });
        for (int g : groupOf) {
            groups.count[g]++;
        }
        Map<Integer, Integer> xs = new HashMap<>();
        Map<Double, Integer> txs = new HashMap<>();
        Map<Double, Integer> ages = new HashMap<>();
        for (int g = 0; g < groups.count.length; g++) {
            groups.xIndex[g] = xs.computeIfAbsent(groups.x[g], k -> xs.size());
            groups.txIndex[g] = txs.computeIfAbsent(groups.tx[g], k -> txs.size());
            groups.ageIndex[g] = ages.computeIfAbsent(groups.age[g], k -> ages.size());
        }
        int[] distinctX = new int[xs.size()];
        xs.forEach((value, index) -> distinctX[index] = value);
        double[] distinctTx = new double[txs.size()];
        txs.forEach((value, index) -> distinctTx[index] = value);
        double[] distinctAge = new double[ages.size()];
        ages.forEach((value, index) -> distinctAge[index] = value);
        return new CustomerGroups(groups, distinctX, distinctTx, distinctAge);
    }

    public int size() {
        return count.length;
    }

    public int customers() {
        return groupOfCustomer.length;
    }

    /** Customers with at least one repeat purchase. */
    public long repeatCustomers() {
        long repeaters = 0;
        for (int g = 0; g < count.length; g++) {
            if (x[g] > 0) {
                repeaters += count[g];
            }
        }
        return repeaters;
    }

    double meanAge() {
        double sum = 0;
        for (int g = 0; g < count.length; g++) {
            sum += age[g] * count[g];
        }
        return sum / customers();
    }
}
