# Import-OrcTask with the real orc-exec over the importer's real-world samples
# (go/internal/importer/testdata): files written, refusals reported, nothing overwritten without -Force.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    Import-OrcTestModule
    $script:samples = Join-Path $script:RepoRoot 'go/internal/importer/testdata'
    $script:savedHome = $env:ORC_HOME
    $env:ORC_HOME = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-import-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $env:ORC_HOME
    function script:New-Destination { Join-Path $env:ORC_HOME ('tasks-' + [guid]::NewGuid().ToString('N')) }
}

AfterAll {
    Remove-Item -LiteralPath $env:ORC_HOME -Recurse -Force -ErrorAction SilentlyContinue
    $env:ORC_HOME = $script:savedHome
    Remove-OrcTestModule
}

Describe 'Import-OrcTask' {
    It 'converts a crontab: one file per converted entry, one result per entry' {
        $dest = New-Destination
        $r = @(Import-OrcTask -Path (Join-Path $samples 'user.crontab') -Destination $dest)
        $r.Count | Should -Be 23
        $r[0].PSObject.TypeNames[0] | Should -Be 'Orchestrator.ImportResult'
        @($r | Where-Object Status -EQ 'Converted').Count | Should -Be 19
        @($r | Where-Object Status -EQ 'Refused').Count | Should -Be 4
        @(Get-ChildItem -LiteralPath $dest -Filter *.json).Count | Should -Be 19
        $rotate = $r | Where-Object Name -EQ 'rotate-tokens'
        $rotate.Path | Should -Be (Join-Path $dest 'rotate-tokens.json')
        $json = [System.IO.File]::ReadAllText($rotate.Path) | ConvertFrom-Json
        $json.schedule.cron | Should -BeExactly '*/60 * * * *'
        ($r | Where-Object Source -Like '*:31').Reason | Should -Match 'line continuation'
    }

    It 'writes definitions that orc-exec validates as they are' {
        $dest = New-Destination
        $r = @(Import-OrcTask -Path (Join-Path $samples 'tasks.csv') -Destination $dest)
        foreach ($c in @($r | Where-Object Status -EQ 'Converted')) {
            & $env:ORC_EXEC_PATH validate --file $c.Path --output json | Out-Null
            $LASTEXITCODE | Should -Be 0 -Because $c.Path
        }
        ($r | Where-Object Name -EQ 'bad-notify').Field | Should -Be 'notify'
    }

    It 'reads an exported Task Scheduler task in UTF-16 (Auto format) and a refused one' {
        $dest = New-Destination
        (Import-OrcTask -Path (Join-Path $samples 'weekly-backup.xml') -Destination $dest).Status | Should -Be 'Converted'
        $refused = Import-OrcTask -Path (Join-Path $samples 'office-hours-sync.xml') -Destination $dest
        $refused.Status | Should -Be 'Refused'
        $refused.Reason | Should -Match 'no cron starts at exactly its times'
        Test-Path (Join-Path $dest 'office-hours-sync.json') | Should -BeFalse
    }

    It 'never overwrites without -Force, and replaces with it' {
        $dest = New-Destination
        $src = Join-Path $samples 'tasks.json'
        $null = Import-OrcTask -Path $src -Destination $dest
        $file = Join-Path $dest 'db-export.json'
        [System.IO.File]::WriteAllText($file, 'hand edit')
        $again = Import-OrcTask -Path $src -Destination $dest | Where-Object Name -EQ 'db-export' | Select-Object -First 1
        $again.Status | Should -Be 'Skipped'
        [System.IO.File]::ReadAllText($file) | Should -BeExactly 'hand edit'
        $forced = Import-OrcTask -Path $src -Destination $dest -Force | Where-Object Name -EQ 'db-export' | Select-Object -First 1
        $forced.Status | Should -Be 'Converted'
        ([System.IO.File]::ReadAllText($file) | ConvertFrom-Json).name | Should -Be 'db-export'
        @(Get-ChildItem -LiteralPath $dest -Filter *.tmp).Count | Should -Be 0
    }

    It 'writes nothing with -WhatIf' {
        $dest = New-Destination
        $r = @(Import-OrcTask -Path (Join-Path $samples 'cron.d-backup') -UserColumn -Destination $dest -WhatIf)
        @($r | Where-Object Status -EQ 'Skipped').Count | Should -Be 5
        Test-Path $dest | Should -BeFalse
    }

    It 'fails with Orc.FileNotFound for a missing source' {
        { Import-OrcTask -Path (Join-Path $env:ORC_HOME 'nope.cron') -Destination (New-Destination) -ErrorAction Stop } |
            Should -Throw -ErrorId 'Orc.FileNotFound*'
    }
}
