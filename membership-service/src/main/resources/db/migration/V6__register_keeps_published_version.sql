-- The register shows the version of a declaration that was last published, with the management
-- action decided for it, until an amendment is reviewed: amending a published declaration must not
-- take it off the public register. Withholding takes it off.
ALTER TABLE declaration
    ADD COLUMN published_version_no     integer,
    ADD COLUMN published_action         text CHECK (published_action IN ('none-required', 'restrict-participation',
                                            'exclude-from-relevant-items', 'withhold-papers', 'other')),
    ADD COLUMN published_action_detail  text,
    ADD CONSTRAINT declaration_published_version CHECK (published_version_no IS NULL OR NOT nil_return);
UPDATE declaration
   SET published_version_no = version_no, published_action = management_action,
       published_action_detail = management_action_note
 WHERE publication = 'published' AND NOT nil_return;
-- the register reads the published declarations of a council's members
CREATE INDEX declaration_published_by_member ON declaration (member_id)
    WHERE published_version_no IS NOT NULL;
