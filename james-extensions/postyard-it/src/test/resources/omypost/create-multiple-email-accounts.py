# The "Create Multiple Email Accounts" example of the OmyPost documentation
# (../shared/reference/000_2d781373495ccf76.txt), token for token, laid out on lines.
# The test replaces only api_key and base_url.
import json
import requests
api_key = 'YOUR_API_KEY'
base_url = 'https://api.omypost.com/v1'
headers = {
    'Authorization': f'Bearer {api_key}',
    'Content-Type': 'application/json'
}
# Create multiple email accounts
emails = [
    {'prefix': 'test1', 'type': 'permanent'},
    {'prefix': 'test2', 'type': 'temporary', 'expiry_date': '2025-12-31'}
]
for email in emails:
    response = requests.post(
        f'{base_url}/emails',
        headers=headers,
        json=email
    )
    print(json.dumps(response.json(), indent=2))
