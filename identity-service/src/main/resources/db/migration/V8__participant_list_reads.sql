-- The funder's participant list reads the personal identity numbers of a programme's participants: each such read is
-- recorded as the programme owner's project leader's, for the participant list, naming the programme it was for.
alter table personal_number_read add column programme_id uuid;

alter table personal_number_read drop constraint personal_number_read_reader_role_check;
alter table personal_number_read add constraint personal_number_read_reader_role_check
    check (reader_role in ('THE_PERSON', 'COORDINATOR', 'PROJECT_LEADER'));

alter table personal_number_read drop constraint personal_number_read_purpose_check;
alter table personal_number_read add constraint personal_number_read_purpose_check
    check (purpose in ('EXPORT', 'PARTICIPANT_LIST'));

alter table personal_number_read add constraint personal_number_read_programme_check
    check ((purpose = 'PARTICIPANT_LIST') = (programme_id is not null));
