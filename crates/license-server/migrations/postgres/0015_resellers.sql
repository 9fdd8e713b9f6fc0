-- Resellers (issue 24): a staff member with role `reseller` sells some
-- products (their names, comma-separated) and owns the licences it creates
-- or an admin assigns to it (by its email); NULL: the vendor's own.
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check CHECK (role IN ('admin', 'support', 'reseller'));
ALTER TABLE staff ADD COLUMN products TEXT NOT NULL DEFAULT '';
ALTER TABLE licenses ADD COLUMN reseller TEXT;
CREATE INDEX licenses_reseller ON licenses (reseller);
