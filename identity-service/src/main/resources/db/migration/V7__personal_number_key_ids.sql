-- Every ciphertext of a personal identity number names the key it was sealed with: the format byte 1, the length of
-- the key id, the key id, then the nonce and the sealed number as before. The numbers stored so far were sealed with
-- the key that had no id; they get the id 1, the default of samlyft.identity.personal-number-key-id.
update person
set personal_number_cipher = '\x01'::bytea || '\x01'::bytea || convert_to('1', 'UTF8') || personal_number_cipher
where personal_number_cipher is not null;
