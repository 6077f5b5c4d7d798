# The cron backend's private functions against a temp crontab file
# ($env:ORC_CRON_TARGET = <path>): no cron daemon, no real crontab.
BeforeDiscovery {
    $script:OnWindows = ($PSVersionTable.PSEdition -ne 'Core') -or $IsWindows
}

BeforeAll {
    $script:Root = Resolve-Path (Join-Path $PSScriptRoot '../../..')
    Import-Module (Join-Path $Root 'Orchestrator.psd1') -Force
    $script:SavedTarget = $env:ORC_CRON_TARGET
    $script:Latin1 = [System.Text.Encoding]::GetEncoding(28591)
    $script:Utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false

    # Foreign content with everything that must survive: a CRLF line, a tab, % and \%, a
    # VAR=value line, a blank line, UTF-8, a byte that is not UTF-8 and no final newline.
    $script:ForeignBytes = [byte[]]@(
        $Utf8.GetBytes("# keep me`r`n17 3 * * *`t/bin/true 100% done \% x # foreign`n`nMAILTO=`"`"`n# caf$([char]0xe9) ") +
        [byte]0xff +
        $Utf8.GetBytes("`n5 4 * * * /bin/echo no-newline"))

    function script:Get-CronBytes { [System.IO.File]::ReadAllBytes($env:ORC_CRON_TARGET) }
    function script:Get-CronLines { @(([System.IO.File]::ReadAllText($env:ORC_CRON_TARGET)) -split "`n") }
    function script:Remove-OurLines([byte[]] $Bytes) {
        # Drops every tagged line (with its LF) and returns the bytes left.
        $text = $Latin1.GetString($Bytes)
        $Latin1.GetBytes(($text -replace '(?m)^.*\s# orchestrator:task=[A-Za-z0-9._-]+\r?\n', ''))
    }
}

AfterAll {
    $env:ORC_CRON_TARGET = $SavedTarget
    Remove-Module Orchestrator -Force -ErrorAction SilentlyContinue
}

Describe 'ConvertTo-OrcCronSchedule' -Skip:$OnWindows {
    It 'maps <Why>' -ForEach @(
        @{ Why = 'a 5-field cron as is'; Schedule = @{ cron = '30 2 * * 1-5' }; Expression = '30 2 * * 1-5'; Delay = 0 }
        @{ Why = 'cron names as is'; Schedule = @{ cron = '0 6 1 JAN,JUL MON-FRI' }; Expression = '0 6 1 JAN,JUL MON-FRI'; Delay = 0 }
        @{ Why = 'a cron ? to *'; Schedule = @{ cron = '0 2 ? * MON' }; Expression = '0 2 * * MON'; Delay = 0 }
        @{ Why = '@hourly as is'; Schedule = @{ cron = '@hourly' }; Expression = '@hourly'; Delay = 0 }
        @{ Why = 'interval 1m to every minute'; Schedule = @{ interval = '1m' }; Expression = '* * * * *'; Delay = 0 }
        @{ Why = 'interval 15m to */15'; Schedule = @{ interval = '15m' }; Expression = '*/15 * * * *'; Delay = 0 }
        @{ Why = 'an interval TimeSpan'; Schedule = @{ interval = [timespan]::FromMinutes(20) }; Expression = '*/20 * * * *'; Delay = 0 }
        @{ Why = 'an interval as hh:mm:ss'; Schedule = @{ interval = '00:10:00' }; Expression = '*/10 * * * *'; Delay = 0 }
        @{ Why = 'interval 60m to hourly'; Schedule = @{ interval = '60m' }; Expression = '0 * * * *'; Delay = 0 }
        @{ Why = 'interval 1h to hourly'; Schedule = @{ interval = '1h' }; Expression = '0 * * * *'; Delay = 0 }
        @{ Why = 'interval 6h to 0 */6'; Schedule = @{ interval = '6h' }; Expression = '0 */6 * * *'; Delay = 0 }
        @{ Why = 'interval 1d to midnight'; Schedule = @{ interval = '1d' }; Expression = '0 0 * * *'; Delay = 0 }
        @{ Why = 'startup to @reboot'; Schedule = @{ startup = @{} }; Expression = '@reboot'; Delay = 0 }
        @{ Why = 'a startup delay to a sleep'; Schedule = @{ startup = @{ delay = '90s' } }; Expression = '@reboot'; Delay = 90 }
        @{ Why = "the host's own time zone"; Schedule = @{ cron = '0 2 * * *'; timezone = [System.TimeZoneInfo]::Local.Id }; Expression = '0 2 * * *'; Delay = 0 }
    ) {
        $r = InModuleScope Orchestrator -Parameters @{ S = $Schedule } { param($S) ConvertTo-OrcCronSchedule -Schedule $S -Name t }
        $r.Expression | Should -BeExactly $Expression
        $r.DelaySeconds | Should -Be $Delay
    }

    It 'reads a schedule object from JSON (orc-exec list) like a hashtable' {
        $s = '{"interval":"1h30m"}' | ConvertFrom-Json
        { InModuleScope Orchestrator -Parameters @{ S = $s } { param($S) ConvertTo-OrcCronSchedule -Schedule $S -Name t } } |
            Should -Throw -ErrorId 'Orc.UnsupportedInterval'
        $s = '{"cron":"*/5 * * * *"}' | ConvertFrom-Json
        (InModuleScope Orchestrator -Parameters @{ S = $s } { param($S) ConvertTo-OrcCronSchedule -Schedule $S -Name t }).Expression | Should -Be '*/5 * * * *'
    }

    It 'returns nothing for a task without schedule' {
        InModuleScope Orchestrator { ConvertTo-OrcCronSchedule -Schedule $null -Name t } | Should -BeNullOrEmpty
        InModuleScope Orchestrator { ConvertTo-OrcCronSchedule -Schedule @{} -Name t } | Should -BeNullOrEmpty
    }

    It 'refuses <Why> with <Id>, naming <Field>' -ForEach @(
        @{ Why = 'logon'; Schedule = @{ logon = @{} }; Id = 'Orc.UnsupportedSchedule'; Field = 'schedule.logon' }
        @{ Why = 'once'; Schedule = @{ once = '2030-01-01T00:00:00Z' }; Id = 'Orc.UnsupportedSchedule'; Field = 'schedule.once' }
        @{ Why = 'an interval of 45m'; Schedule = @{ interval = '45m' }; Id = 'Orc.UnsupportedInterval'; Field = 'schedule.interval' }
        @{ Why = 'an interval of 90m'; Schedule = @{ interval = '90m' }; Id = 'Orc.UnsupportedInterval'; Field = 'schedule.interval' }
        @{ Why = 'an interval of 7h'; Schedule = @{ interval = '7h' }; Id = 'Orc.UnsupportedInterval'; Field = 'schedule.interval' }
        @{ Why = 'an interval of 2d'; Schedule = @{ interval = '2d' }; Id = 'Orc.UnsupportedInterval'; Field = 'schedule.interval' }
        @{ Why = 'an interval of 90s'; Schedule = @{ interval = '90s' }; Id = 'Orc.UnsupportedInterval'; Field = 'schedule.interval' }
        @{ Why = 'another time zone'; Schedule = @{ cron = '0 2 * * *'; timezone = 'Pacific/Chatham' }; Id = 'Orc.UnsupportedTimezone'; Field = 'schedule.timezone' }
        @{ Why = 'a Quartz L'; Schedule = @{ cron = '0 2 L * *' }; Id = 'Orc.UnsupportedSchedule'; Field = 'schedule.cron' }
        @{ Why = 'four cron fields'; Schedule = @{ cron = '0 2 * *' }; Id = 'Orc.InvalidSchedule'; Field = 'schedule.cron' }
    ) {
        $err = $null
        try { InModuleScope Orchestrator -Parameters @{ S = $Schedule } { param($S) ConvertTo-OrcCronSchedule -Schedule $S -Name t } }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match ([regex]::Escape($Field))
        $err.Exception.Message | Should -Match 'Use|Fix|Remove|Write'
    }
}

Describe 'ConvertTo-OrcCronLine / ConvertFrom-OrcCronLine' -Skip:$OnWindows {
    It 'writes the documented user-crontab format' {
        InModuleScope Orchestrator { ConvertTo-OrcCronLine -Name hello -Schedule '*/5 * * * *' -ExecPath /opt/orc/orc-exec -StoreHome /var/lib/orchestrator } |
            Should -BeExactly "*/5 * * * * '/opt/orc/orc-exec' run hello --home '/var/lib/orchestrator' >/dev/null 2>&1 # orchestrator:task=hello"
    }

    It 'writes the system format with a user field, a startup delay and the disabled prefix' {
        InModuleScope Orchestrator { ConvertTo-OrcCronLine -Name boot -Schedule '@reboot' -ExecPath /o/orc-exec -StoreHome /s -User root -DelaySeconds 30 -Disabled } |
            Should -BeExactly "#orchestrator-disabled# @reboot root sleep 30 && '/o/orc-exec' run boot --home '/s' >/dev/null 2>&1 # orchestrator:task=boot"
    }

    It 'reads back every part it wrote, <Why>' -ForEach @(
        @{ Why = 'plain'; Exec = '/opt/orc/orc-exec'; Store = '/var/lib/orchestrator'; User = $null; Delay = 0; Disabled = $false; When = '0 2 * * *' }
        @{ Why = 'spaces and quotes'; Exec = "/tmp/it's a dir/orc-exec"; Store = "/tmp/my 'store'"; User = $null; Delay = 0; Disabled = $false; When = '@daily' }
        @{ Why = 'percent signs'; Exec = '/tmp/100%/orc-exec'; Store = '/tmp/%s%'; User = 'root'; Delay = 5; Disabled = $true; When = '*/5 * * * *' }
    ) {
        $p = @{ Name = 'db.export_1'; Schedule = $When; ExecPath = $Exec; StoreHome = $Store; DelaySeconds = $Delay; Disabled = $Disabled }
        if ($User) { $p.User = $User }
        $line = InModuleScope Orchestrator -Parameters @{ P = $p } { param($P) ConvertTo-OrcCronLine @P }
        $e = InModuleScope Orchestrator -Parameters @{ L = $line } { param($L) ConvertFrom-OrcCronLine -Line ($L + "`r`n") }
        $e.Name | Should -BeExactly 'db.export_1'
        $e.Enabled | Should -Be (-not $Disabled)
        $e.Schedule | Should -BeExactly $When
        $e.ExecPath | Should -BeExactly $Exec
        $e.StoreHome | Should -BeExactly $Store
        $e.User | Should -Be $User
        $e.DelaySeconds | Should -Be $Delay
        $e.Line | Should -BeExactly $line
    }

    It 'escapes % for cron and quotes for sh so that the shell gets the exact paths' {
        $dir = Join-Path ([System.IO.Path]::GetTempPath()) ("orc cron 'q' 100% " + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        try {
            $fake = Join-Path $dir "orc-exec it's"
            $argsFile = Join-Path $dir 'args'
            Set-Content -Path $fake -Value "#!/bin/sh`nfor a in `"`$@`"; do printf '%s\n' `"`$a`"; done > `"`$ORC_ARGS`"" -NoNewline
            & chmod 755 $fake
            $line = InModuleScope Orchestrator -Parameters @{ F = $fake; S = "$dir/st%ore" } { param($F, $S) ConvertTo-OrcCronLine -Name t -Schedule '* * * * *' -ExecPath $F -StoreHome $S }
            $line | Should -Not -Match '(?<!\\)%'
            # What cron does before handing the command to sh: drop the 5 time fields, turn \% into %.
            $command = ($line -replace '^(\S+\s+){5}', '') -replace '\\%', '%'
            $env:ORC_ARGS = $argsFile
            & /bin/sh -c $command
            @(Get-Content -Path $argsFile) | Should -Be @('run', 't', '--home', "$dir/st%ore")
        }
        finally {
            Remove-Item Env:ORC_ARGS -ErrorAction SilentlyContinue
            Remove-Item -LiteralPath $dir -Recurse -Force
        }
    }

    It 'ignores a foreign line: <Line>' -ForEach @(
        @{ Line = '17 3 * * * /bin/true # foreign' }
        @{ Line = '# orchestrator:task=x' }
        @{ Line = 'MAILTO=ops@example.com' }
        @{ Line = '' }
        @{ Line = '0 1 * * * /bin/echo # orchestrator:task=' }
    ) {
        InModuleScope Orchestrator -Parameters @{ L = $Line } { param($L) ConvertFrom-OrcCronLine -Line $L } | Should -BeNullOrEmpty
    }

    It 'refuses a path with a line break' {
        { InModuleScope Orchestrator { ConvertTo-OrcCronLine -Name t -Schedule '@daily' -ExecPath "/tmp/a`nb" -StoreHome /s } } |
            Should -Throw -ErrorId 'Orc.InvalidCronPath'
    }
}

Describe 'cron backend on a crontab file' -Skip:$OnWindows {
    BeforeEach {
        $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-cron-unit-' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $Dir | Out-Null
        $env:ORC_CRON_TARGET = Join-Path $Dir 'crontab'
        [System.IO.File]::WriteAllBytes($env:ORC_CRON_TARGET, $ForeignBytes)
        $script:Exec = "/opt/orc tools/orc-exec"
        $script:Store = "/var/lib/orc's store"
    }
    AfterEach {
        Remove-Item -LiteralPath $Dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'adds a line at the top and keeps every foreign byte' {
        $r = InModuleScope Orchestrator -Parameters @{ E = $Exec; S = $Store } { param($E, $S) Register-OrcCronTask -Definition @{ name = 'hello'; schedule = @{ cron = '*/5 * * * *' } } -ExecPath $E -StoreHome $S }
        $r.Name | Should -Be 'hello'
        $r.Changed | Should -BeTrue
        $lines = Get-CronLines
        $lines[0] | Should -BeExactly "*/5 * * * * '/opt/orc tools/orc-exec' run hello --home '/var/lib/orc'\''s store' >/dev/null 2>&1 # orchestrator:task=hello"
        Remove-OurLines (Get-CronBytes) | Should -Be $ForeignBytes
        $t = @(InModuleScope Orchestrator { Get-OrcCronTask })
        $t.Count | Should -Be 1
        $t[0].Name | Should -Be 'hello'
        $t[0].Enabled | Should -BeTrue
        $t[0].Schedule | Should -Be '*/5 * * * *'
        $t[0].ExecPath | Should -Be $Exec
        $t[0].Line | Should -BeExactly $lines[0]
    }

    It 'is idempotent: registering the same definition twice changes nothing the second time' {
        $def = @{ name = 'hello'; schedule = @{ interval = '15m' } }
        $p = @{ D = $def; E = $Exec; S = $Store }
        (InModuleScope Orchestrator -Parameters $p { param($D, $E, $S) Register-OrcCronTask -Definition $D -ExecPath $E -StoreHome $S }).Changed | Should -BeTrue
        $before = Get-CronBytes
        $stamp = (Get-Item $env:ORC_CRON_TARGET).LastWriteTimeUtc
        Start-Sleep -Milliseconds 20
        (InModuleScope Orchestrator -Parameters $p { param($D, $E, $S) Register-OrcCronTask -Definition $D -ExecPath $E -StoreHome $S }).Changed | Should -BeFalse
        Get-CronBytes | Should -Be $before
        (Get-Item $env:ORC_CRON_TARGET).LastWriteTimeUtc | Should -Be $stamp
    }

    It 'replaces a task''s line in place and puts a new task after the last Orchestrator line' {
        $p = @{ E = $Exec; S = $Store }
        InModuleScope Orchestrator -Parameters $p { param($E, $S)
            Register-OrcCronTask -Definition @{ name = 'a'; schedule = @{ cron = '0 1 * * *' } } -ExecPath $E -StoreHome $S
            Register-OrcCronTask -Definition @{ name = 'b'; schedule = @{ cron = '0 2 * * *' } } -ExecPath $E -StoreHome $S
            Register-OrcCronTask -Definition @{ name = 'a'; schedule = @{ cron = '0 3 * * *' } } -ExecPath $E -StoreHome $S
        } | ForEach-Object Changed | Should -Be @($true, $true, $true)
        $t = @(InModuleScope Orchestrator { Get-OrcCronTask })
        $t.Name | Should -Be @('a', 'b')
        $t[0].Schedule | Should -Be '0 3 * * *'
        Remove-OurLines (Get-CronBytes) | Should -Be $ForeignBytes
        @(InModuleScope Orchestrator { Get-OrcCronTask -Name 'b*', 'zzz' }).Name | Should -Be @('b')
    }

    It 'disables and enables a line with the disabled prefix, and returns nothing' {
        InModuleScope Orchestrator -Parameters @{ E = $Exec; S = $Store } { param($E, $S) Register-OrcCronTask -Definition @{ name = 'hello'; schedule = @{ cron = '@hourly' } } -ExecPath $E -StoreHome $S } | Out-Null
        $enabledLine = (Get-CronLines)[0]
        InModuleScope Orchestrator { Disable-OrcCronTask -Name hello } | Should -BeNullOrEmpty
        (Get-CronLines)[0] | Should -BeExactly ('#orchestrator-disabled# ' + $enabledLine)
        (InModuleScope Orchestrator { Get-OrcCronTask -Name hello }).Enabled | Should -BeFalse
        $disabledBytes = Get-CronBytes
        InModuleScope Orchestrator { Disable-OrcCronTask -Name hello }
        Get-CronBytes | Should -Be $disabledBytes
        InModuleScope Orchestrator { Enable-OrcCronTask -Name hello } | Should -BeNullOrEmpty
        (Get-CronLines)[0] | Should -BeExactly $enabledLine
        (InModuleScope Orchestrator { Get-OrcCronTask -Name hello }).Enabled | Should -BeTrue
        InModuleScope Orchestrator { Enable-OrcCronTask -Name nope -Verbose 4>&1 } | Should -Match 'no line'
        Remove-OurLines (Get-CronBytes) | Should -Be $ForeignBytes
    }

    It 'writes a definition with enabled = false as a disabled line' {
        $def = '{"name":"off","enabled":false,"schedule":{"cron":"0 4 * * *"}}' | ConvertFrom-Json
        InModuleScope Orchestrator -Parameters @{ D = $def; E = $Exec; S = $Store } { param($D, $E, $S) Register-OrcCronTask -Definition $D -ExecPath $E -StoreHome $S } | Out-Null
        (Get-CronLines)[0] | Should -BeLike '#orchestrator-disabled# 0 4 * * * *# orchestrator:task=off'
        (InModuleScope Orchestrator { Get-OrcCronTask -Name off }).Enabled | Should -BeFalse
    }

    It 'removes the task''s line and restores the foreign bytes exactly' {
        InModuleScope Orchestrator -Parameters @{ E = $Exec; S = $Store } { param($E, $S)
            Register-OrcCronTask -Definition @{ name = 'a'; schedule = @{ cron = '0 1 * * *' } } -ExecPath $E -StoreHome $S
            Register-OrcCronTask -Definition @{ name = 'b'; schedule = @{ startup = @{} } } -ExecPath $E -StoreHome $S
            Disable-OrcCronTask -Name b
        } | Out-Null
        (InModuleScope Orchestrator { Get-OrcCronTask -Name b }).Enabled | Should -BeFalse
        InModuleScope Orchestrator { Unregister-OrcCronTask -Name a } | Should -BeTrue
        InModuleScope Orchestrator { Unregister-OrcCronTask -Name a } | Should -BeFalse
        InModuleScope Orchestrator { Unregister-OrcCronTask -Name b } | Should -BeTrue
        Get-CronBytes | Should -Be $ForeignBytes
    }

    It 'gives a task without schedule no line, and removes the line of a task that lost its schedule' {
        $p = @{ E = $Exec; S = $Store }
        (InModuleScope Orchestrator -Parameters $p { param($E, $S) Register-OrcCronTask -Definition @{ name = 'manual' } -ExecPath $E -StoreHome $S }).Changed | Should -BeFalse
        Get-CronBytes | Should -Be $ForeignBytes
        InModuleScope Orchestrator -Parameters $p { param($E, $S) Register-OrcCronTask -Definition @{ name = 'manual'; schedule = @{ cron = '@daily' } } -ExecPath $E -StoreHome $S } | Out-Null
        (InModuleScope Orchestrator -Parameters $p { param($E, $S) Register-OrcCronTask -Definition @{ name = 'manual' } -ExecPath $E -StoreHome $S }).Changed | Should -BeTrue
        Get-CronBytes | Should -Be $ForeignBytes
    }

    It 'leaves the crontab untouched when the schedule cannot be mapped' {
        { InModuleScope Orchestrator -Parameters @{ E = $Exec; S = $Store } { param($E, $S) Register-OrcCronTask -Definition @{ name = 'x'; schedule = @{ logon = @{} } } -ExecPath $E -StoreHome $S } } |
            Should -Throw -ErrorId 'Orc.UnsupportedSchedule'
        Get-CronBytes | Should -Be $ForeignBytes
    }

    It 'creates a missing file with mode 0644 and keeps the mode of an existing one' {
        Remove-Item -LiteralPath $env:ORC_CRON_TARGET
        InModuleScope Orchestrator -Parameters @{ E = $Exec; S = $Store } { param($E, $S) Register-OrcCronTask -Definition @{ name = 'a'; schedule = @{ cron = '@daily' } } -ExecPath $E -StoreHome $S } | Out-Null
        [System.IO.File]::GetUnixFileMode($env:ORC_CRON_TARGET) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead, OtherRead')
        & chmod 600 $env:ORC_CRON_TARGET
        InModuleScope Orchestrator { Unregister-OrcCronTask -Name a } | Should -BeTrue
        [System.IO.File]::GetUnixFileMode($env:ORC_CRON_TARGET) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
        (Get-Item $env:ORC_CRON_TARGET).Length | Should -Be 0
        @(Get-ChildItem -LiteralPath $Dir -Force).Name | Should -Be @('crontab')
    }

    It 'writes the system format (user field) for /etc/cron.d targets' {
        $target = [pscustomobject]@{ Kind = 'File'; Path = $env:ORC_CRON_TARGET; Format = 'System'; User = 'root'; Description = 'test' }
        InModuleScope Orchestrator -Parameters @{ T = $target; E = $Exec; S = $Store } { param($T, $E, $S)
            Mock Get-OrcCronTarget { $T }
            Register-OrcCronTask -Definition @{ name = 'sys'; schedule = @{ cron = '0 5 * * *' } } -ExecPath $E -StoreHome $S | Out-Null
            (Get-OrcCronTask -Name sys).User | Should -Be 'root'
        }
        (Get-CronLines)[0] | Should -BeLike "0 5 * * * root '/opt/orc tools/orc-exec' run sys *"
    }
}

Describe 'Get-OrcCronTarget' -Skip:$OnWindows {
    AfterEach { $env:ORC_CRON_TARGET = $SavedTarget }

    It 'chooses <Expect> for ORC_CRON_TARGET=<Value> (uid <Uid>)' -ForEach @(
        @{ Value = 'user'; Uid = 0; Expect = 'Crontab'; Format = 'User'; Path = $null }
        @{ Value = ''; Uid = 1000; Expect = 'Crontab'; Format = 'User'; Path = $null }
        @{ Value = 'system'; Uid = 0; Expect = 'File'; Format = 'System'; Path = '/etc/cron.d/orchestrator' }
        @{ Value = '/tmp/x.cron'; Uid = 1000; Expect = 'File'; Format = 'User'; Path = '/tmp/x.cron' }
        @{ Value = '/etc/cron.d/other'; Uid = 0; Expect = 'File'; Format = 'System'; Path = '/etc/cron.d/other' }
    ) {
        $env:ORC_CRON_TARGET = $Value
        $t = InModuleScope Orchestrator -Parameters @{ U = $Uid } { param($U) Mock Get-OrcUserId { $U }; Get-OrcCronTarget }
        $t.Kind | Should -Be $Expect
        $t.Format | Should -Be $Format
        $t.Path | Should -Be $Path
    }

    It 'refuses the system target to a non-root user' {
        $env:ORC_CRON_TARGET = 'system'
        { InModuleScope Orchestrator { Mock Get-OrcUserId { 1000 }; Get-OrcCronTarget } } | Should -Throw -ErrorId 'Orc.CronTargetDenied'
    }
}
