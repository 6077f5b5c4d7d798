BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

# A fake orc-exec (a shell script) shows exactly what crosses the process boundary.
Describe 'Invoke-OrcExec' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
    BeforeAll {
        $script:savedOverride = $env:ORC_EXEC_PATH
        $script:fake = Join-Path $TestDrive 'fake-orc-exec'
        Set-Content -Path $fake -Value @'
#!/bin/sh
# Echoes its arguments and stdin as JSON lines, writes stderr, exits with $FAKE_EXIT.
printf '{"schema":"fake/v1","args":"%s"}\n' "$*"
if [ -n "$FAKE_STDIN" ]; then printf '{"schema":"stdin/v1","text":%s}\n' "$(cat)"; fi
echo '[1,2]'
echo 'not json'
echo "orc-exec: error: something broke ✓" >&2
echo "orc-exec: hint: fix it" >&2
exit ${FAKE_EXIT:-0}
'@
        & chmod 755 $fake
        $env:ORC_EXEC_PATH = $fake
    }
    AfterAll {
        $env:ORC_EXEC_PATH = $savedOverride
        $env:FAKE_EXIT = $null
        $env:FAKE_STDIN = $null
    }

    It 'returns the exit code, one record per JSON line, other lines and stderr' {
        $env:FAKE_EXIT = '3'
        $r = InModuleScope Orchestrator { Invoke-OrcExec -ArgumentList 'list' -StoreHome '/tmp/store x' }
        $r.ExitCode | Should -Be 3
        @($r.Records).Count | Should -Be 1
        $r.Records[0].schema | Should -Be 'fake/v1'
        $r.Records[0].args | Should -Be 'list --home /tmp/store x --output json'
        $r.Output | Should -Contain 'not json'
        $r.Output | Should -Contain '[1,2]'
        $r.StdErr | Should -BeLike "*error: something broke ✓*hint: fix it*"
    }

    It 'writes -InputObject to stdin as UTF-8' {
        $env:FAKE_EXIT = '0'
        $env:FAKE_STDIN = '1'
        try {
            $r = InModuleScope Orchestrator { Invoke-OrcExec -ArgumentList 'define', '--file', '-' -InputObject '"Grüße"' -StoreHome '/tmp/s' }
        }
        finally {
            $env:FAKE_STDIN = $null
        }
        ($r.Records | Where-Object schema -EQ 'stdin/v1').text | Should -Be 'Grüße'
    }

    It 'does not add --output json with -Raw and keeps stdout as text' {
        $env:FAKE_EXIT = '0'
        $r = InModuleScope Orchestrator { Invoke-OrcExec -ArgumentList 'render', 'db' -StoreHome '/tmp/s' -Raw }
        @($r.Records).Count | Should -Be 0
        $r.Output[0] | Should -BeLike '*"args":"render db --home /tmp/s"*'
    }

    It 'restores $LASTEXITCODE and never throws on stderr, even with ErrorActionPreference Stop' {
        $env:FAKE_EXIT = '70'
        $global:LASTEXITCODE = 12
        $ErrorActionPreference = 'Stop'
        $r = InModuleScope Orchestrator { Invoke-OrcExec -ArgumentList 'list' -StoreHome '/tmp/s' }
        $r.ExitCode | Should -Be 70
        $global:LASTEXITCODE | Should -Be 12
    }

    It 'restores the console output encoding' {
        $env:FAKE_EXIT = '0'
        $before = [Console]::OutputEncoding.WebName
        $null = InModuleScope Orchestrator { Invoke-OrcExec -ArgumentList 'list' -StoreHome '/tmp/s' }
        [Console]::OutputEncoding.WebName | Should -Be $before
    }
}
