CREATE TABLE bulk_keyed (k UUID PRIMARY KEY, label TEXT);
