import { describe, expect, it } from 'vitest';
import { parseCredentialReport, parseCsv, reportDateOrNull } from './credential-report-csv';

const HEADER = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

describe('credential report CSV', () => {
  it('parses rows by column name, root row included', () => {
    const csv = [
      HEADER,
      '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,2024-01-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
      'alice,arn:aws:iam::123456789012:user/alice,2023-01-15T10:00:00+00:00,true,no_information,2023-01-15T10:00:00+00:00,N/A,false,true,2023-01-15T10:05:00+00:00,2024-05-21T09:00:00+00:00,us-east-1,bedrock,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
    ].join('\n');
    const rows = parseCredentialReport(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ user: 'alice', password_enabled: 'true', password_last_used: 'no_information', access_key_1_last_used_service: 'bedrock', access_key_2_last_rotated: 'N/A' });
    expect(reportDateOrNull(rows[1].password_last_used)).toBeNull();
    expect(reportDateOrNull(rows[1].access_key_1_last_rotated)).toBe('2023-01-15T10:05:00+00:00');
  });

  it('handles quoted cells and CRLF line ends, and refuses a report without the needed columns', () => {
    expect(parseCsv('a,b\r\n"x, ""quoted""",y\r\n')).toEqual([['a', 'b'], ['x, "quoted"', 'y']]);
    expect(() => parseCredentialReport('user,arn\nbob,arn:aws:iam::1:user/bob')).toThrow(/lacks the columns password_enabled/);
  });
});
