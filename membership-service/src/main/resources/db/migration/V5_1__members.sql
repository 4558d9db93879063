-- The member list filtered by the role (and body) of a current appointment, e.g. "who chairs a
-- council": a rare role is found from its few appointments rather than by probing every member
-- in name order.
CREATE INDEX appointment_by_role_body ON appointment (role, body, member_id);
