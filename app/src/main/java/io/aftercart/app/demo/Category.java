package io.aftercart.app.demo;

import java.util.List;

/**
 * The shop's departments, with the traits that shape their post-purchase story: how often items come back, whether
 * they break in transit, whether they are re-bought on a cycle, and which features get used.
 */
enum Category {
    WOMENSWEAR("Womenswear", Sizing.CLOTHING, 18, 140, 0.24, 0, false, List.of(),
            List.of("Marlowe", "Ostara", "Fenwick & Rye"),
            List.of("Linen Midi Dress", "Wrap Blouse", "High-Rise Jeans", "Cashmere Crew Jumper", "Pleated Midi Skirt",
                    "Tailored Blazer", "Ribbed Knit Cardigan", "Cotton Shirt Dress", "Wide-Leg Trousers",
                    "Quilted Jacket", "Silk Cami Top", "Breton Stripe Top", "Wool Wrap Coat", "Jersey Jumpsuit",
                    "Denim Jacket")),
    MENSWEAR("Menswear", Sizing.CLOTHING, 15, 160, 0.2, 0, false, List.of(),
            List.of("Hartley & Sons", "Northbound", "Fenwick & Rye"),
            List.of("Oxford Shirt", "Slim Chinos", "Merino Crew Jumper", "Selvedge Jeans", "Waxed Jacket",
                    "Linen Shirt", "Organic Cotton T-Shirt", "Quarter-Zip Sweatshirt", "Wool Overcoat",
                    "Cord Trousers", "Pique Polo Shirt", "Puffer Gilet", "Flannel Overshirt", "Hooded Sweatshirt",
                    "Tailored Shorts")),
    FOOTWEAR("Footwear", Sizing.SHOES, 25, 150, 0.19, 0, false, List.of(),
            List.of("Stride & Co", "Northbound", "Calder"),
            List.of("Leather Chelsea Boots", "White Court Trainers", "Suede Loafers", "Running Shoes",
                    "Canvas Plimsolls", "Walking Boots", "Leather Sandals", "Ballet Flats", "Derby Shoes",
                    "Slip-On Trainers", "Ankle Boots", "Sheepskin Slippers", "Trail Runners", "Espadrilles",
                    "Block Heel Mules")),
    ACCESSORIES("Accessories", Sizing.NONE, 12, 120, 0.08, 0, false, List.of(),
            List.of("Marlowe", "Calder", "Ashby Leather"),
            List.of("Leather Tote Bag", "Wool Scarf", "Leather Belt", "Crossbody Bag", "Cashmere Beanie",
                    "Canvas Backpack", "Leather Wallet", "Silk Scarf", "Polarised Sunglasses", "Leather Gloves",
                    "Card Holder", "Weekend Holdall", "Bucket Hat", "Watch Strap", "Compact Umbrella")),
    HOME("Home", Sizing.NONE, 15, 180, 0.05, 0, true, List.of(),
            List.of("Hearth & Loom", "Oakridge", "Nordhem"),
            List.of("Linen Cushion Cover", "Chunky Knit Throw", "Ceramic Table Lamp", "Cotton Duvet Set", "Wool Rug",
                    "Glass Vase", "Oak Picture Frame", "Waffle Bath Towel", "Linen Curtains", "Woven Storage Basket",
                    "Round Wall Mirror", "Velvet Cushion", "Terracotta Plant Pot", "Bedside Clock",
                    "Soy Wax Candle")),
    KITCHEN("Kitchen", Sizing.NONE, 8, 140, 0.04, 0, true, List.of(),
            List.of("Oakridge", "Copperfield", "Nordhem"),
            List.of("Stoneware Mug Set", "Cast Iron Casserole", "Chef's Knife", "Glass Storage Jars",
                    "Linen Tea Towels", "Pour-Over Coffee Set", "Oak Chopping Board", "Enamel Baking Tray",
                    "Ceramic Dinner Plates", "Crystal Wine Glasses", "Copper Saucepan", "Olive Wood Salad Bowl",
                    "Cafetiere", "Spice Grinder", "Butter Dish")),
    BEAUTY("Beauty", Sizing.NONE, 6, 48, 0.02, 45, false, List.of(),
            List.of("Lumen Skin", "Wildflower Apothecary", "Pure Theory"),
            List.of("Daily Moisturiser", "Vitamin C Serum", "Gentle Cleanser", "SPF 50 Sun Cream",
                    "Hyaluronic Serum", "Night Cream", "Lip Balm", "Hand Cream", "Body Lotion", "Micellar Water",
                    "Eye Cream", "Clay Face Mask", "Shampoo Bar", "Conditioner", "Body Wash")),
    COFFEE_AND_TEA("Coffee & Tea", Sizing.NONE, 4, 28, 0.01, 24, false, List.of(),
            List.of("Roastery No. 9", "Leaf & Kettle", "Highgrove"),
            List.of("House Espresso Beans", "Colombian Filter Coffee", "Decaf Espresso Beans", "English Breakfast Tea",
                    "Earl Grey Loose Leaf", "Sencha Green Tea", "Chai Blend", "Peppermint Tea",
                    "Ethiopian Single Origin", "Cold Brew Pack", "Drinking Chocolate", "Ceremonial Matcha",
                    "Rooibos Tea", "Compostable Coffee Pods", "Oat Barista Milk")),
    ELECTRONICS("Electronics", Sizing.NONE, 20, 260, 0.07, 0, true,
            List.of("bluetooth_pairing", "noise_cancelling", "firmware_update", "voice_assistant", "app_sync"),
            List.of("Sonora", "Voltline", "Kestrel"),
            List.of("Wireless Headphones", "Bluetooth Speaker", "Smart Watch", "E-Reader", "Wireless Earbuds",
                    "Portable Charger", "Smart Plug", "Fitness Tracker", "Desk Lamp with Charger", "HD Webcam",
                    "Mechanical Keyboard", "Wireless Mouse", "Smart Bulb Pack", "Tablet Stand",
                    "Digital Photo Frame")),
    FITNESS("Fitness", Sizing.NONE, 8, 180, 0.06, 0, false,
            List.of("workout_logged", "guided_session", "progress_check"),
            List.of("Peak Form", "Kestrel", "Stride & Co"),
            List.of("Yoga Mat", "Resistance Bands", "Adjustable Dumbbells", "Foam Roller", "Kettlebell",
                    "Skipping Rope", "Running Vest", "Insulated Water Bottle", "Gym Bag", "Protein Shaker",
                    "Cork Yoga Block", "Ab Wheel", "Pull-Up Bar", "Exercise Ball", "Massage Gun"));

    enum Sizing { NONE, CLOTHING, SHOES }

    final String label;
    final Sizing sizing;
    final double minPrice;
    final double maxPrice;
    /** Chance that one line item comes back, before damage in transit. */
    final double returnRate;
    /** Typical days until a consumable is re-bought; 0 if it is not a consumable. */
    final int refillDays;
    final boolean fragile;
    /** Features reported by "Product Used"; empty if the product is not used in a trackable way. */
    final List<String> features;
    final List<String> brands;
    final List<String> items;

    Category(String label, Sizing sizing, double minPrice, double maxPrice, double returnRate, int refillDays,
             boolean fragile, List<String> features, List<String> brands, List<String> items) {
        this.label = label;
        this.sizing = sizing;
        this.minPrice = minPrice;
        this.maxPrice = maxPrice;
        this.returnRate = returnRate;
        this.refillDays = refillDays;
        this.fragile = fragile;
        this.features = features;
        this.brands = brands;
        this.items = items;
    }

    boolean isApparel() {
        return sizing != Sizing.NONE;
    }

    boolean isConsumable() {
        return refillDays > 0;
    }

    /** What shoppers tend to add alongside this department (gives the recommender co-purchase signal). */
    Category complement() {
        return switch (this) {
            case WOMENSWEAR, MENSWEAR -> FOOTWEAR;
            case FOOTWEAR -> ACCESSORIES;
            case ACCESSORIES -> WOMENSWEAR;
            case HOME -> KITCHEN;
            case KITCHEN -> COFFEE_AND_TEA;
            case BEAUTY -> BEAUTY;
            case COFFEE_AND_TEA -> KITCHEN;
            case ELECTRONICS -> FITNESS;
            case FITNESS -> ELECTRONICS;
        };
    }
}
