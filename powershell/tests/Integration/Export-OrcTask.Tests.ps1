# Round trips through the module with the real orc-exec and the real cron backend writing a crontab
# file (ORC_CRON_TARGET, not the machine's crontab): a task that sets every schema field, with
# date-like strings wherever a string may go, must come back byte for byte from every cmdlet.
BeforeDiscovery {
    $script:schedules = @(
        @{ Kind = 'cron with zone, jitter and catch-up'; Schedule = $null }
        @{ Kind = 'at startup'; Schedule = '{"startup":{"delay":"30s"}}' }
        @{ Kind = 'every interval'; Schedule = '{"interval":"15m","jitter":"1m"}' }
        @{ Kind = 'on demand'; Schedule = 'none' }
    )
}
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:saved = @{ ORC_HOME = $env:ORC_HOME; ORC_CRON_TARGET = $env:ORC_CRON_TARGET }
    $script:fixture = [System.IO.File]::ReadAllText((Join-Path $PSScriptRoot '../fixtures/every-field.json'))

    function Reset-Store {
        $env:ORC_HOME = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-export-' + [guid]::NewGuid().ToString('N'))
        $env:ORC_CRON_TARGET = Join-Path $env:ORC_HOME 'crontab'
        $null = New-Item -ItemType Directory -Path $env:ORC_HOME
    }
    function Get-Stored([string] $Name = 'every-field') {
        $file = Join-Path $env:ORC_HOME "tasks/$Name.json"
        if (-not (Test-Path $file)) { return $null }
        [System.IO.File]::ReadAllText($file)
    }
    function Get-CronText {
        if (-not (Test-Path $env:ORC_CRON_TARGET)) { return '' }
        [System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)
    }
    # Registers the fixture with its schedule replaced ('none' removes it).
    function Register-Fixture([string] $Schedule) {
        $text = $script:fixture
        if ($Schedule -eq 'none') {
            $text = $text -replace '(?s)"schedule": \{.*?\},\s*', ''
        }
        elseif ($Schedule) {
            $text = $text -replace '(?s)"schedule": \{.*?\}(?=,\s*"action")', ('"schedule": ' + $Schedule)
        }
        $file = Join-Path $env:ORC_HOME 'every-field.json'
        [System.IO.File]::WriteAllText($file, $text)
        Register-OrcTask -Path $file -WarningAction SilentlyContinue
        Get-Stored | Should -Not -BeNullOrEmpty
    }
    # Every JSON string value in the text, in document order, exactly as written (escapes and all).
    function Get-JsonString([string] $Text) {
        @([regex]::Matches($Text, '"((?:[^"\\]|\\.)*)"(?!\s*:)') | ForEach-Object { $_.Groups[1].Value })
    }
}
AfterAll {
    Remove-Item -Recurse -Force $env:ORC_HOME -ErrorAction SilentlyContinue
    $env:ORC_HOME = $script:saved.ORC_HOME
    $env:ORC_CRON_TARGET = $script:saved.ORC_CRON_TARGET
    Remove-OrcTestModule
}

Describe 'Get-OrcTask | Register-OrcTask' {
    BeforeEach { Reset-Store }

    It 'changes nothing for a task that sets every field, <Kind>' -ForEach $schedules -Tag 'NotOnWine.CronBackend' {
        Register-Fixture $Schedule
        $before = Get-Stored
        $cron = Get-CronText
        Get-OrcTask -Name every-field | Register-OrcTask -WarningAction SilentlyContinue -ErrorVariable err
        $err | Should -BeNullOrEmpty
        Get-Stored | Should -BeExactly $before
        Get-CronText | Should -BeExactly $cron
    }

    It 'takes a task name as well' -Tag 'NotOnWine.CronBackend' {
        Register-Fixture $null
        $before = Get-Stored
        'every-field' | Register-OrcTask -WarningAction SilentlyContinue
        Get-Stored | Should -BeExactly $before
    }

    It 'writes Orc.TaskNotFound for a name with no definition' {
        'nosuch' | Register-OrcTask -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.TaskNotFound*'
    }
}

Describe 'Export-OrcTask' {
    BeforeEach { Reset-Store }

    It 'round-trips through Register-OrcTask -Path byte for byte, <Kind>' -ForEach $schedules -Tag 'NotOnWine.CronBackend' {
        Register-Fixture $Schedule
        $before = Get-Stored
        $cron = Get-CronText
        $file = Join-Path $env:ORC_HOME 'exported.json'
        $item = Export-OrcTask -Name every-field -Path $file
        $item.FullName | Should -Be $file
        [System.IO.File]::ReadAllText($file) | Should -BeExactly $before
        Register-OrcTask -Path $file -WarningAction SilentlyContinue
        Get-Stored | Should -BeExactly $before
        Get-CronText | Should -BeExactly $cron

        # Into an empty store: the same bytes and the same cron line come back.
        Unregister-OrcTask -Name every-field -Confirm:$false
        Get-Stored | Should -BeNullOrEmpty
        Register-OrcTask -Path $file -WarningAction SilentlyContinue
        Get-Stored | Should -BeExactly $before
        Get-CronText | Should -BeExactly $cron
    }

    It 'returns the stored text without -Path, and Export-OrcTask | Register-OrcTask changes nothing' -Tag 'NotOnWine.CronBackend' {
        Register-Fixture $null
        $before = Get-Stored
        $text = Export-OrcTask -Name every-field
        $text | Should -BeOfType [string]
        $text | Should -BeExactly $before
        Export-OrcTask -Name every-field | Register-OrcTask -WarningAction SilentlyContinue
        Get-Stored | Should -BeExactly $before
    }

    It 'writes <name>.json into a folder, refuses to replace a file without -Force and replaces it with -Force' -Tag 'NotOnWine.CronBackend' {
        Register-Fixture $null
        $folder = Join-Path $env:ORC_HOME 'backup'
        $null = New-Item -ItemType Directory -Path $folder
        Get-OrcTask -Name every-field | Export-OrcTask -Path $folder
        $file = Join-Path $folder 'every-field.json'
        [System.IO.File]::WriteAllText($file, 'old')
        Export-OrcTask -Name every-field -Path $folder -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.FileExists*'
        [System.IO.File]::ReadAllText($file) | Should -Be 'old'
        Export-OrcTask -Name every-field -Path $folder -Force
        [System.IO.File]::ReadAllText($file) | Should -BeExactly (Get-Stored)
        @(Get-ChildItem -Path $folder -Force).Count | Should -Be 1 -Because 'the temporary file is renamed, not left behind'
    }

    It 'writes nothing with -WhatIf' -Tag 'NotOnWine.CronBackend' {
        Register-Fixture $null
        $file = Join-Path $env:ORC_HOME 'whatif.json'
        Export-OrcTask -Name every-field -Path $file -WhatIf
        Test-Path $file | Should -BeFalse
    }

    It 'writes Orc.TaskNotFound for a task with no definition' {
        Export-OrcTask -Name nosuch -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.TaskNotFound*'
    }
}

Describe 'Every string survives every cmdlet byte for byte' -Tag 'NotOnWine.CronBackend' {
    BeforeEach { Reset-Store }

    Context 'when the definition is read <Reader>' -ForEach @(
        @{ Reader = 'as this edition reads it' ; Lossy = $false }
        @{ Reader = 'by a reader that turns date-like strings into DateTime (PowerShell 7 before -DateKind)'; Lossy = $true }
    ) {
        BeforeEach {
            if ($Lossy) { Mock ConvertFrom-OrcJson { ConvertFrom-Json -InputObject $Json } }
        }

        It '<Command> keeps every other string' -ForEach @(
            @{ Command = 'Set-OrcTask -Timeout 3h'; Run = { Set-OrcTask -Name every-field -Timeout 3h -WarningAction SilentlyContinue }; From = '"timeout": "2h"'; To = '"timeout": "3h"' }
            @{ Command = 'Set-OrcTask -Description'; Run = { Set-OrcTask -Name every-field -Description '2027-02-02T00:00:00+01:00' -WarningAction SilentlyContinue }; From = '"description": "2026-01-01T00:00:00+01:00"'; To = '"description": "2027-02-02T00:00:00+01:00"' }
            @{ Command = 'Set-OrcTask -Overlap'; Run = { Set-OrcTask -Name every-field -Overlap skip -WarningAction SilentlyContinue }; From = '"overlap": "queue"'; To = '"overlap": "skip"' }
            @{ Command = 'Disable-OrcTask'; Run = { Disable-OrcTask -Name every-field }; From = '"enabled": true'; To = '"enabled": false' }
            @{ Command = 'Enable-OrcTask'; Run = { Enable-OrcTask -Name every-field }; From = $null; To = $null }
            @{ Command = 'Get-OrcTask | Register-OrcTask'; Run = { Get-OrcTask -Name every-field | Register-OrcTask -WarningAction SilentlyContinue }; From = $null; To = $null }
        ) {
            Register-Fixture $null
            $before = Get-Stored
            & $Run
            $after = Get-Stored
            if ($From) {
                $after | Should -BeExactly $before.Replace($From, $To)
            }
            else {
                $after | Should -BeExactly $before
            }
            @(Get-JsonString $after).Count | Should -Be @(Get-JsonString $before).Count
        }
    }
}

Describe 'A registration the scheduler refuses' {
    BeforeEach { Reset-Store }

    It 'leaves no new definition behind and writes one error record' -Tag 'NotOnWine.CronBackend' {
        $file = Join-Path $env:ORC_HOME 'logon.json'
        [System.IO.File]::WriteAllText($file, '{"name":"logon","schedule":{"logon":{}},"action":{"command":"/bin/true"}}')
        Register-OrcTask -Path $file -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.*'
        "$($err[0])" | Should -BeLike '*logon*new definition was removed*'
        Get-Stored 'logon' | Should -BeNullOrEmpty
        Get-CronText | Should -Not -Match 'logon'
    }

    It 'puts the previous definition back byte for byte when a change is refused' -Tag 'NotOnWine.CronBackend' {
        Register-Fixture $null
        $before = Get-Stored
        $cron = Get-CronText
        Set-OrcTask -Name every-field -Once '2030-01-01T00:00:00' -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $err.Count | Should -Be 1
        "$($err[0])" | Should -BeLike '*previous definition is back*'
        Get-Stored | Should -BeExactly $before
        Get-CronText | Should -BeExactly $cron
    }

    It 'puts it back when the crontab cannot be written, with the backend''s error ID' -Tag 'NotOnWine.CronBackend' {
        Register-Fixture $null
        $before = Get-Stored
        $env:ORC_CRON_TARGET = Join-Path $env:ORC_HOME 'missing/folder/crontab'
        Set-OrcTask -Name every-field -Timeout 3h -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.CronWriteFailed*'
        Get-Stored | Should -BeExactly $before
    }
}

Describe 'Register-OrcTask -Credential with a stored or piped definition' {
    BeforeEach { Reset-Store }

    It 'refuses a credential for another user than the definition''s runAs (Orc.CredentialMismatch) and changes nothing' -Tag 'NotOnWine.CronBackend' {
        Register-Fixture $null
        $before = Get-Stored
        $other = New-Object System.Management.Automation.PSCredential ('CORP\mallory', (ConvertTo-SecureString 'p' -AsPlainText -Force))
        Get-OrcTask -Name every-field | Register-OrcTask -Credential $other -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.CredentialMismatch*'
        "$($err[0])" | Should -BeLike "*CORP\svc-export*CORP\mallory*"
        Get-Stored | Should -BeExactly $before

        $file = Join-Path $env:ORC_HOME 'every-field.json'
        Register-OrcTask -Path $file -Credential $other -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].FullyQualifiedErrorId | Should -BeLike 'Orc.CredentialMismatch*'
        Get-Stored | Should -BeExactly $before
    }

    It 'refuses a credential for a definition that runs as SYSTEM' {
        $cred = New-Object System.Management.Automation.PSCredential ('CORP\svc-export', (ConvertTo-SecureString 'p' -AsPlainText -Force))
        '{"name":"sys","action":{"command":"/bin/true"}}' | Register-OrcTask -Credential $cred -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.CredentialMismatch*'
        "$($err[0])" | Should -BeLike '*SYSTEM*'
        Get-Stored 'sys' | Should -BeNullOrEmpty
    }

    It 'accepts the credential of the definition''s own user and keeps the definition as it is' -Tag 'NotOnWine.CronBackend' {
        Register-Fixture $null
        $before = Get-Stored
        $same = New-Object System.Management.Automation.PSCredential ('CORP\svc-export', (ConvertTo-SecureString 'p' -AsPlainText -Force))
        Get-OrcTask -Name every-field | Register-OrcTask -Credential $same -ErrorVariable err -WarningAction SilentlyContinue
        $err | Should -BeNullOrEmpty
        Get-Stored | Should -BeExactly $before
    }
}

Describe 'Round trips on the Task Scheduler backend' {
    # The Windows code path with the real orc-exec (define, render, list); ScheduledTasks is mocked,
    # recording exactly what would be registered.
    BeforeAll {
        Install-OrcScheduledTasksStub
    }
    BeforeEach {
        Reset-Store
        $script:xml = @{}
        $script:users = New-Object System.Collections.Generic.List[string]
        Mock Test-OrcWindows { $true }
        Mock Test-OrcElevated { $true }
        Mock Install-OrcExecutable { 'C:\Program Files\Orchestrator\orc-exec.exe' }
        Mock Register-ScheduledTask { $script:xml[$TaskName] = $Xml; $script:users.Add([string]$User) }
        Mock Get-ScheduledTask {
            foreach ($taskName in @($script:xml.Keys)) {
                [pscustomobject]@{ TaskName = $taskName; TaskPath = '\Orchestrator\'; State = 'Ready'; Documentation = $null
                    Actions = @([pscustomobject]@{ Execute = 'C:\Program Files\Orchestrator\orc-exec.exe' }); Principal = $null }
            }
        }
        Mock Get-ScheduledTaskInfo { }
        Mock Export-ScheduledTask { $script:xml[$TaskName] }
        $script:cred = New-Object System.Management.Automation.PSCredential ('CORP\svc-export', (ConvertTo-SecureString 'p' -AsPlainText -Force))
        $file = Join-Path $env:ORC_HOME 'every-field.json'
        [System.IO.File]::WriteAllText($file, $script:fixture)
        Register-OrcTask -Path $file -Credential $cred
    }

    It 'Get-OrcTask | Register-OrcTask changes nothing and does not touch the scheduler' {
        $before = Get-Stored
        Get-OrcTask -Name every-field | Register-OrcTask -ErrorVariable err
        $err | Should -BeNullOrEmpty
        Get-Stored | Should -BeExactly $before
        Should -Invoke Register-ScheduledTask -Exactly 1 -Scope It
    }

    It 'with the credential of runAs re-registers the same XML for the same account' {
        $before = Get-Stored
        $xmlBefore = $script:xml['Orc_every-field']
        Get-OrcTask -Name every-field | Register-OrcTask -Credential $cred
        Get-Stored | Should -BeExactly $before
        # The registration date is the only part allowed to differ.
        ($script:xml['Orc_every-field'] -replace '<Date>[^<]*</Date>') | Should -BeExactly ($xmlBefore -replace '<Date>[^<]*</Date>')
        @($script:users | Select-Object -Unique) | Should -Be @('CORP\svc-export')
    }

    It 'Export-OrcTask then Register-OrcTask -Path stores the same bytes and renders the same XML' {
        $before = Get-Stored
        $xmlBefore = $script:xml['Orc_every-field']
        $out = Join-Path $env:ORC_HOME 'out.json'
        $null = Export-OrcTask -Name every-field -Path $out
        Register-OrcTask -Path $out -Credential $cred
        Get-Stored | Should -BeExactly $before
        # The registration date is the only part allowed to differ.
        ($script:xml['Orc_every-field'] -replace '<Date>[^<]*</Date>') | Should -BeExactly ($xmlBefore -replace '<Date>[^<]*</Date>')
    }

    It 'round-trips a task that runs <Kind> (schedules cron cannot express)' -ForEach @(
        @{ Kind = 'at logon'; Schedule = '{"logon":{"user":"CORP\\alice","delay":"1m"}}' }
        @{ Kind = 'once'; Schedule = '{"once":"2030-01-01T00:00:00+01:00"}' }
    ) {
        $text = $script:fixture -replace '(?s)"schedule": \{.*?\}(?=,\s*"action")', ('"schedule": ' + $Schedule)
        $text = $text -replace '"jitter": "5m",\s*', '' -replace ',\s*"catchUp": true', ''
        $file = Join-Path $env:ORC_HOME 'variant.json'
        [System.IO.File]::WriteAllText($file, $text)
        Register-OrcTask -Path $file -Credential $cred
        $before = Get-Stored
        $before | Should -Match ([regex]::Escape($Schedule.Substring(2, 5)))
        $xmlBefore = $script:xml['Orc_every-field']
        $out = Join-Path $env:ORC_HOME 'out.json'
        $null = Export-OrcTask -Name every-field -Path $out -Force
        Get-OrcTask -Name every-field | Register-OrcTask -Credential $cred
        Register-OrcTask -Path $out -Credential $cred
        Get-Stored | Should -BeExactly $before
        ($script:xml['Orc_every-field'] -replace '<Date>[^<]*</Date>') | Should -BeExactly ($xmlBefore -replace '<Date>[^<]*</Date>')
    }

    It 'refuses a credential for another account before anything is stored or registered' {
        $before = Get-Stored
        $other = New-Object System.Management.Automation.PSCredential ('CORP\mallory', (ConvertTo-SecureString 'p' -AsPlainText -Force))
        Get-OrcTask -Name every-field | Register-OrcTask -Credential $other -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.CredentialMismatch*'
        Get-Stored | Should -BeExactly $before
        Should -Invoke Register-ScheduledTask -Exactly 1 -Scope It
    }
}
