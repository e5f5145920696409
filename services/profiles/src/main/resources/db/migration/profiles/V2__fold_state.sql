-- Where each profile's fold stands (FoldState JSON, without contact data): facts later in event order are folded
-- onto it instead of the customer's whole history. Null for profiles folded before it existed: their next change
-- folds the whole history and stores it.
ALTER TABLE profiles ADD COLUMN fold_state TEXT;
