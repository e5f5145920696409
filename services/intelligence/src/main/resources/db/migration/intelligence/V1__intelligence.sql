-- The intelligence service's schema starts empty; each part adds its tables in its own version range
-- (sentiment V10-V19, churn and lifetime value V20-V29, recommendations V30-V39).
CREATE TABLE intelligence_info (key VARCHAR PRIMARY KEY, value VARCHAR);
